"""``doimoi exchange``: import packets from a folder, export a document, poll the inbox, load
agency codes from a spreadsheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from doimoi.core.errors import ApplicationError
from doimoi.documents.management.commands.ingest import collect, find_unit
from doimoi.documents.models import Document
from doimoi.exchange import edxml, transport
from doimoi.exchange.selectors import unit_by_code
from doimoi.exchange.services import (
    agencies_import_xlsx,
    document_export,
    inbox_poll,
    packet_import,
)
from doimoi.exchange.services.exports import packet_bytes

BUSINESS = {
    "new": edxml.BUSINESS_NEW,
    "revoke": edxml.BUSINESS_REVOKE,
    "update": edxml.BUSINESS_UPDATE,
    "replace": edxml.BUSINESS_REPLACE,
}


class Command(BaseCommand):
    help = (
        "Liên thông văn bản điện tử edXML (QCVN 102:2016) / exchange with e-office systems: "
        "import, export, poll, agencies"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="LỆNH / ACTION")
        imp = sub.add_parser(
            "import",
            help="nhập các gói tin .edxml từ tệp, thư mục / import packets from files",
            description=(
                "Nhập các gói tin .edxml (văn bản hoặc trạng thái) từ tệp hoặc thư mục cho một "
                "đơn vị nhận; gói tin sai bị từ chối, không lưu gì. / Import .edxml packets "
                "(documents or statuses) from files or folders for a receiving unit; a bad packet "
                "is refused and nothing of it is stored."
            ),
            epilog="Ví dụ / example: doimoi exchange import --unit 000.00.01.H36 ./goi-tin/",
        )
        imp.add_argument("paths", nargs="+", help="tệp hoặc thư mục / files or folders")
        imp.add_argument(
            "--unit",
            required=True,
            help="đơn vị nhận (mã định danh, mã số hoặc tên) / receiving unit (agency code, id "
            "or name)",
        )
        exp = sub.add_parser(
            "export",
            help="xuất một văn bản ra .edxml / export a document",
            description=(
                "Xuất một văn bản ra gói tin .edxml và gửi qua thư mục liên thông "
                "(DOIMOI_EXCHANGE_DIR/outbox) nếu đã đặt; văn bản mật bị từ chối. / Export a "
                "document as an .edxml packet and send it through the exchange folder when one "
                "is set; classified documents are refused."
            ),
            epilog=(
                "Ví dụ / example: doimoi exchange export 42 --to 000.00.01.H36 --out 42.edxml; "
                "doimoi exchange export 43 --to 000.00.01.H36 --business replace --replaces 42 "
                '--reason "Sai ngày ban hành"'
            ),
        )
        exp.add_argument("document", type=int, help="mã số văn bản / document id")
        exp.add_argument(
            "--to",
            action="append",
            default=[],
            help="mã định danh nơi nhận, lặp lại được / recipient agency code, repeatable",
        )
        exp.add_argument(
            "--business",
            choices=list(BUSINESS),
            default="new",
            help="nghiệp vụ: mới, thu hồi, cập nhật, thay thế / business kind (default: new)",
        )
        exp.add_argument("--replaces", type=int, help="văn bản bị thay thế / replaced document")
        exp.add_argument("--reason", default="", help="lý do / reason")
        exp.add_argument("--out", help="ghi gói tin ra tệp này / write the packet here")
        sub.add_parser(
            "poll",
            help="nhận các gói tin trong hộp thư đến (DOIMOI_EXCHANGE_DIR/inbox) / poll the inbox",
            description=(
                "Nhận mọi gói tin đang chờ trong DOIMOI_EXCHANGE_DIR/inbox (đơn vị nhận theo mã "
                "To); gói tin đã nhận chuyển vào inbox/.done, bị từ chối vào inbox/.failed. Hàng "
                "đợi tác vụ của «doimoi serve» chạy việc này mỗi phút. / Take in every packet "
                "waiting in the inbox; the task queue of 'doimoi serve' does this every minute."
            ),
        )
        agencies = sub.add_parser(
            "agencies",
            help="nạp mã định danh từ XLSX / load agency codes from XLSX",
            description=(
                "Nạp mã định danh của các đơn vị từ bảng tính; một dòng sai thì không dòng nào "
                "được lưu. / Load units' agency codes from a spreadsheet, all rows or none."
            ),
        )
        agencies.add_argument(
            "file",
            help="XLSX: đơn vị | mã QCVN 102 | mã QĐ 20 | mã cấp trên / unit | QCVN 102 code | "
            "QĐ 20 code | parent's code",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except ApplicationError as error:
            raise CommandError("; ".join(str(m) for m in error.messages)) from error

    def _report(self, results: list[Any]) -> None:
        for result in results:
            self.stdout.write(f"{result.status:<10} {result.name}: {result.message}")
        failed = sum(1 for r in results if not r.ok)
        self.stdout.write(f"{len(results)} gói tin / packets, {failed} lỗi / failed")

    def _import(self, options: dict[str, Any]) -> None:
        unit = unit_by_code(options["unit"]) or find_unit(options["unit"])
        results = [
            packet_import(actor=None, unit=unit, name=p.name, data=p.read_bytes(), source="command")
            for p in collect(options["paths"])
        ]
        self._report(results)

    def _export(self, options: dict[str, Any]) -> None:
        document = Document.objects.filter(pk=options["document"]).first()
        if document is None:
            raise CommandError(f"Không có văn bản / no such document: {options['document']}")
        recipients = []
        for code in options["to"]:
            unit = unit_by_code(code)
            if unit is None:
                raise CommandError(f"Không có đơn vị mang mã / no unit with code {code}")
            recipients.append(unit)
        replaces = Document.objects.filter(pk=options["replaces"]).first()
        packet = document_export(
            actor=None,
            document=document,
            recipients=recipients,
            business=BUSINESS[options["business"]],
            reason=options["reason"],
            replaces=replaces,
        )
        if options["out"]:
            Path(options["out"]).write_bytes(packet_bytes(packet))
        self.stdout.write(f"{packet.name} ({packet.sha256[:16]}) {packet.transport or ''}")

    def _poll(self, options: dict[str, Any]) -> None:
        if transport.configured() is None:
            raise CommandError("Chưa đặt DOIMOI_EXCHANGE_DIR / DOIMOI_EXCHANGE_DIR is not set")
        self._report(inbox_poll())

    def _agencies(self, options: dict[str, Any]) -> None:
        count = agencies_import_xlsx(actor=None, data=Path(options["file"]).read_bytes())
        self.stdout.write(f"{count} đơn vị / units")
