"""Two-step sign-in in the browser: a head signs in, sets it up from the QR page with the code an
authenticator app would show, and reaches the page asked for; screenshots of both steps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.e2e.conftest import expect


def _code(username: str) -> str:
    device = TOTPDevice.objects.get(user__username=username)
    return str(totp(device.bin_key, device.step, device.t0, device.digits)).zfill(device.digits)


def test_a_head_sets_up_two_step_sign_in(
    page: Any, settings: Any, demo: Any, artifacts: Path
) -> None:
    settings.DOIMOI_TWO_FACTOR = True
    page.goto("/chi-dao/")
    page.get_by_label("Tên đăng nhập").fill("bithu.baoloc")
    page.get_by_label("Mật khẩu").fill("doimoi-demo")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/xac-thuc-hai-buoc/thiet-lap/**")
    assert page.locator("figure.qr svg").is_visible()
    page.screenshot(path=str(artifacts / "two-factor-setup.png"), full_page=True)
    page.fill("input[name=code]", "12345")
    page.click("button.primary")
    # is_visible() would read the set-up page before the click's answer replaced it
    expect(page.get_by_text("Mã xác thực gồm đúng 6 chữ số.")).to_be_visible()
    page.fill("input[name=code]", _code("bithu.baoloc"))
    page.click("button.primary")
    page.wait_for_url("**/chi-dao/")
    page.goto("/xac-thuc-hai-buoc/tai-khoan/")
    page.screenshot(path=str(artifacts / "two-factor-account.png"), full_page=True)
    assert page.get_by_test_id("two-factor-account").get_by_text("Đang bật").is_visible()
