"""Every command is on the command sheet under a role that uses it."""

from app.scanning.codes import COMMANDS, COMMANDS_BY_ROLE
from printing.command_sheet import CAPTIONS_ZH, ROLE_HEADINGS


def test_every_command_is_in_a_role_section_with_a_chinese_caption():
    on_sheet = {name for names in COMMANDS_BY_ROLE.values() for name in names}
    assert on_sheet == set(COMMANDS)
    assert set(CAPTIONS_ZH) >= set(COMMANDS)
    assert (
        set(ROLE_HEADINGS)
        == set(COMMANDS_BY_ROLE)
        == {
            "picker",
            "packer",
            "lead override",
            "loader",
            "clerk",
            "returns",
        }
    )


def test_the_packer_can_reprint_choose_a_printer_and_sign_out_by_scanning():
    assert {"REPRINT", "PRINTER", "LOGOUT", "NEXT", "UNDO", "WEIGH"} <= set(
        COMMANDS_BY_ROLE["packer"]
    )
