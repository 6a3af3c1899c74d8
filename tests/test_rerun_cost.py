"""Work a rerun does not need is not done: files are built when downloaded."""

from __future__ import annotations

import io


def test_the_status_workbook_is_built_only_when_downloaded(tmp_path, monkeypatch, downloads):
    from openpyxl import load_workbook

    import ui.editors.monthly_excel as monthly_excel
    from tests.apptest_support import editor_secrets, open_editor_page

    built: list[int] = []
    original = monthly_excel.status_workbook

    def counting(*args, **kwargs):
        built.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(monthly_excel, "status_workbook", counting)
    open_editor_page(
        "app_pages/investeringsprojekter.py",
        f"sqlite:///{tmp_path / 'register.sqlite'}",
        editor_secrets(),
        monkeypatch,
    )
    assert built == []  # drawing the page builds no workbook
    workbook = downloads["statusskemaer_investeringsprojekter.xlsx"]()
    assert built == [1]
    assert load_workbook(io.BytesIO(workbook)).sheetnames  # a real workbook on click
