"""The official forms' tables read by their headers (generator/importers/forms.py): the 2020
Ministry of Finance 项目支出绩效自评表 as Word, Excel and PDF give it, merged cells and all.
The values are p05's (tests/corpus: 池州市贵池区棠溪镇 委托业务项目, 2022), as its form states them."""

from __future__ import annotations

from generator.importers import forms
from generator.importers.structure import Cell, Table, Where


def table(rows: list[list[str]], merges: dict[tuple[int, int], tuple[int, int]] = {}) -> Table:
    """A grid from rows of text; merges: (row, column) of a range's top-left -> (rowspan, colspan)."""
    covered = {}
    for (r, c), (rs, cs) in merges.items():
        for dr in range(rs):
            for dc in range(cs):
                if dr or dc:
                    covered[(r + dr, c + dc)] = (r, c)
    grid = [[Cell("" if (r, c) in covered else text, Where(table=1, row=r + 1, column=c + 1),
                  *merges.get((r, c), (1, 1)), merged_into=covered.get((r, c)))
             for c, text in enumerate(row)] for r, row in enumerate(rows)]
    return Table(grid, Where(table=1))


MONEY = table([
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "90", "89.974", "89.974", "10", "99.97%", "10"],
    ["", "其中：当年财政拨款", "90", "89.974", "89.974", "—", "—", "—"],
    ["", "上年结转资金", "", "", "", "—", "—", "—"],
    ["", "其他资金", "", "", "", "—", "—", "—"],
], {(0, 0): (5, 1)})

INDICATORS = table([
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", "50", "8", "8", ""],
    ["", "质量指标", "委托业务报告合格率", "≥100%", "100", "8", "8", ""],
    ["", "", "经费支出合规性", "严格执行相关制度规定", "达成预期指标", "8", "8", ""],
    ["效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", "10", "10", ""],
    ["总分", "", "", "", "", "100", "95.5", ""],
], {(1, 0): (3, 1), (2, 1): (2, 1), (5, 0): (1, 5)})


def test_the_money_block_is_read_by_its_column_headers():
    money = forms.money_block(MONEY)
    assert money["budget"] == {"initial": 90, "adjusted": 89.974, "executed": 89.974, "rate": 99.97}
    assert money["funds"][0] == {"source": "当年财政拨款", "initial": 90, "adjusted": 89.974, "executed": 89.974}
    assert [f["source"] for f in money["funds"]] == ["当年财政拨款", "上年结转资金", "其他资金"]
    assert ("budget.executed", 89.974, Where(table=1, row=2, column=5)) in money["found"]  # its own cell


def test_indicator_rows_take_their_levels_from_merged_cells_and_keep_equal_neighbours():
    rows, total = forms.indicator_rows(INDICATORS)
    assert [r["name"] for r in rows] == ["基建工程委托业务项目数量", "委托业务报告合格率", "经费支出合规性",
                                         "对维护基建市场公平的影响程度"]
    assert rows[0] == {"level1": "产出指标", "level2": "数量指标", "name": "基建工程委托业务项目数量", "operator": "≥",
                       "target": 50, "unit": "个", "actual": 50, "weight": 8, "score": 8}
    assert rows[2]["level2"] == "质量指标" and rows[2]["target"] == "严格执行相关制度规定" and rows[2]["operator"] == "定性"
    assert rows[3]["level1"] == "效益指标"
    assert total == (95.5, Where(table=1, row=6, column=7))  # 总分's 得分 column, not its 分值


def test_numbers_outside_the_headers_columns_are_not_values():
    instructions = table([["说明", "预算执行率未达到90%的需说明原因"], ["年初预算数", "全年执行数"]])
    assert forms.money_block(instructions)["found"] == []  # a header row with no row under it
    assert forms.indicator_rows(instructions) == ([], None)
    assert forms.number("1,172.55 万元") == 1172.55 and forms.number("执行率*分值") is None
    assert forms.stated_score(table([["自评总分:", "99.68", "项目编码", "50023300024"]])) == (99.68, Where(table=1, row=1, column=2))


def test_an_indicator_table_run_together_into_one_line_is_read_while_its_rows_fit():
    from generator.importers.flattened import form_values

    # The shape of p05 (tests/corpus): a form copied out of an attachment, every cell one word.
    line = ("附件: 项目支出绩效自评表 (2022年度) 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标(50分) 数量指标 基建工程委托业务项目数量 ≥50个 50 8 8 质量指标 委托业务报告合格率 ≥100百分比 100 8 8 "
            "经费支出合规性 严格执行相关制度规定 达成预期指标 8 8 效益指标(30分) 社会效益指标 对维护基建市场公平的影响程度 "
            "效果明显 达成预期指标 10 10 满意度指标(10分) 满意度指标 公众满")
    rows = form_values([line])[0]["indicators"]
    assert [(r["level1"], r["level2"], r["name"]) for r in rows] == [
        ("产出指标", "数量指标", "基建工程委托业务项目数量"), ("产出指标", "质量指标", "委托业务报告合格率"),
        ("产出指标", "质量指标", "经费支出合规性"), ("效益指标", "社会效益指标", "对维护基建市场公平的影响程度")]
    assert rows[1]["target"] == 100 and rows[1]["unit"] == "百分比" and rows[1]["weight"] == 8
    # A row whose weight and score are not numbers does not fit: reading stops, nothing is guessed.
    broken = line.replace("≥50个 50 8 8", "≥50个 50 八 8")
    assert "indicators" not in form_values([broken])[0]
    assert form_values(["一级指标 二级指标 绩效目标 全年完成"])[0] == {}  # not a form's header


def test_fujians_money_columns_in_a_real_table():
    # 宁德市地震局 2020 (tests/corpus/d38) as its Word or Excel form holds it: numbered columns, 合 计 last.
    fujian = table([
        ["资金结构", "年初部门预算安排金额（含历年结余结转）①", "年中调整金额②", "小计③=①+②", "年度拨付金额④",
         "支出实现率(%)⑤=④/③", "本年度结余金额⑥=③-④", "资金结余率(%)⑦=⑥/③"],
        ["1.财政资金小计", "130.54", "58.07", "188.61", "188.45", "99.92", "0.16", "0.08"],
        ["① 项目支出", "30", "0", "30", "30", "100", "0", "0"],
        ["合 计", "130.54", "58.07", "188.61", "188.45", "99.92", "0.16", "0.08"]])
    block = forms.money_block(fujian)
    assert block["budget"] == {"initial": 130.54, "adjusted": 188.61, "executed": 188.45, "rate": 99.92}
    assert block["spending"] == {"project": 30} and block["funds"][0]["source"] == "财政资金小计"


def test_a_file_of_two_forms_reads_the_first_and_says_so_and_an_unstated_unit_is_said(tmp_path):
    # Found by a review as finance staff: a workbook of two forms mixed their money into one draft,
    # and amounts with no unit stated went out as 万元 without a word.
    import openpyxl

    from generator.importers.document import build_draft

    book = openpyxl.Workbook()
    for n, (name, amounts) in enumerate((("甲项目", (250000, 250000, 215457.6)), ("乙项目", (90, 89.974, 89.974)))):
        sheet = book.active if n == 0 else book.create_sheet(f"项目自评表 ({n + 1})")
        sheet.append(["项目支出绩效自评表（2022年度）"])
        sheet.append(["项目名称", name])
        sheet.append(["项目资金", "", "年初预算数", "全年预算数", "全年执行数"])
        sheet.append(["", "年度资金总额", *amounts])
    book.save(tmp_path / "两张表.xlsx")
    draft = build_draft(tmp_path / "两张表.xlsx")
    assert draft.data["budget"] == {"initial": 250000, "adjusted": 250000, "executed": 215457.6}
    assert "草稿只读了第一张" in draft.doubtful["自评表"][0]
    assert any(m.startswith("金额单位（原文没有写明，数额像是以元为单位") for m in draft.missing)
    assert "年初预算数：250000（工作表“Sheet”单元格 C4）" in draft.found  # said in words, not budget.initial
