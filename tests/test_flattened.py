"""Forms flattened into text (flattened.py): each shape real portals produce, read in the header's
order; and the rows it must leave unread because their cells fit the columns more than one way."""

from generator.importers import flattened
from generator.consistency import OTHER_FORM_SECTION
from generator.importers.document import build_draft


def read(text: str):
    return flattened.form_values(text.split("\n"))


def test_one_cell_per_line_with_headers_and_levels_broken_over_lines():
    # 零陵区林业局 2021 (tests/corpus/d06): a page's table, one cell per line, blank lines between.
    values, found, used, unsure = read("\n\n".join([
        "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因", "分析及", "改进措施",
        "产出指标", "(50)", "数量", "指标", "造林面积", "1.2万亩", "1.2万亩", "10", "10", "\u00a0",
        "病虫害防治面积", "3.45万亩", "3.45万亩", "7", "7", "……", "\u00a0",
        "效益指标", "30分)", "经济效", "益指标", "木材销售收入", "1100万元", "1093万元", "6", "5", "进度滞后",
        "林产品收入", "2.6亿元", "2.45亿元", "6", "5", "生态"]))
    rows = values["indicators"]
    assert [(r["level1"], r["level2"], r["name"]) for r in rows] == [
        ("产出指标", "数量指标", "造林面积"), ("产出指标", "数量指标", "病虫害防治面积"),
        ("效益指标", "经济效益指标", "木材销售收入"), ("效益指标", "经济效益指标", "林产品收入")]
    assert rows[0]["target"] == 1.2 and rows[0]["unit"] == "万亩" and rows[0]["weight"] == 10
    assert rows[2]["note"] == "进度滞后" and "note" not in rows[3]  # a note only where a row follows it
    assert rows[3]["score"] == 5 and not unsure
    assert min(used) == 0 and found == ["绩效指标：4 行（第 1 行起）"]


def test_rows_packed_to_the_left_are_placed_by_what_each_column_holds():
    # 萧县 2023 (tests/corpus/p07): empty cells dropped, 分值 before 年度指标值, sub-rows without points.
    values, _, _, unsure = read("\n".join([
        "一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因 |",
        "产 出 指 标 (50分) |",
        "数量指标 | ★补助鱼塘面积 | 10 | 3亩 | 3亩 | 10 | ||||",
        "其中鱼塘养殖面积 | 3亩 | 3亩 | ||||||",
        "…… | |||",
        "效 益 指 标 (30分) |",
        "经济效益 指标 |",
        "受益农户收入 | 20 | ≥11.376万元 | 12万元 | 20 | |||"]))
    rows = values["indicators"]
    assert rows[0] == {"level1": "产出指标", "level2": "数量指标", "name": "★补助鱼塘面积", "operator": "=", "target": 3.0,
                       "unit": "亩", "actual": 3.0, "weight": 10.0, "score": 10.0}
    assert "weight" not in rows[1] and rows[1]["target"] == 3.0  # 3亩 is no 分值
    assert rows[2]["level2"] == "经济效益指标" and rows[2]["operator"] == "≥" and not unsure


def test_a_money_block_with_a_cell_broken_over_two_lines_and_an_unread_column():
    # 绥阳县太白镇 (tests/corpus/d03): 基本支出's row goes on on the next line; 得分计算方法 is not read.
    values, found, _, unsure = read("\n".join([
        "部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 |",
        "年度资金总额: | 1172.55 | 1268.72 | 10 | 10 | 执行率*该指标分值,最高不得超过分值上限。 |",
        "基本支出 | 985.19 | 914.97 |",
        "10 | 10 | ||||",
        "项目支出 | 187.36 | 353.75 | 10 | 10 | ||",
        "其他 | ||||",
        "年度总体目标 | 年初设定目标 |"]))
    assert values["budget"] == {"initial": 1172.55, "executed": 1268.72}
    assert values["spending"] == {"basic": 914.97, "project": 353.75}
    assert "年初预算数：1172.55（第 2 行）" in found and not unsure


def test_a_row_that_fits_its_columns_two_ways_is_left_for_staff():
    # Three amounts under six numeric columns: 年初 / 全年 / 执行 or any other three. Not guessed.
    values, _, used, unsure = read("\n".join([
        "项目 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "年度资金总额 | 9.48 | 9.48 | 10 | 100% | 10 |",
        "其中:本年财政拨款 | 5 | 5 | 5 | 10 | 100% | 10 |"]))
    assert "budget" not in values and unsure == ["资金 年度资金总额（第 2 行）"]
    assert values["funds"] == [{"source": "本年财政拨款", "initial": 5.0, "adjusted": 5.0, "executed": 5.0}]
    assert used == {0, 1, 2}


def test_a_rate_must_be_the_ratio_of_the_amounts_beside_it():
    # 3,724,055.00? (a stray ? from a mis-encoded blank) — the big amounts can only be amounts,
    # and 96.85 is a rate only if executed / adjusted says so.
    values, _, _, unsure = read("\n".join([
        "年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率 | 执行率权重 | 执行率得分 |",
        "年度总金额 | 3,724,055.00? | 4,764,453.11? | 4,614,453.11? | ||",
        "其中:财政拨款 | 3,724,055.00? | 4,764,453.11? | 4,614,453.11? | 96.85 | 10.00 | 9.68? |"]))
    assert values["budget"] == {"initial": 3724055.0, "adjusted": 4764453.11, "executed": 4614453.11}
    assert values["funds"] == [{"source": "财政拨款", "initial": 3724055.0, "adjusted": 4764453.11, "executed": 4614453.11}]
    assert not unsure


def test_a_one_cell_per_line_table_with_empty_cells_written_as_bars():
    # 青神县 2023 (tests/corpus/p10): "cell |" lines, a lone | for an empty cell, 指标性质 and 度量单位 columns.
    values, _, _, _ = read("\n".join([
        "一级指标 |", "二级指标 |", "三级指标 |", "指标性质 |", "指标值 |", "度量单位 |", "完成值 |", "权重 |", "得分 |",
        "未完成原因分析 |", "产出指标 |", "数量指标 |", "发放(缴纳)覆盖率 |", "= |", "100 |", "% |", "|", "60 |", "|", "|",
        "合计 |", "100 |"]))
    assert values["indicators"] == [{"level1": "产出指标", "level2": "数量指标", "name": "发放(缴纳)覆盖率", "operator": "=",
                                     "target": 100.0, "unit": "%", "weight": 60.0}]


def test_narrative_numbers_are_not_a_table():
    values, found, used, unsure = read("本年预算执行率为98%，得分10分。\n一级指标完成较好，三级指标均达到年度指标值。")
    assert (values, found, used, unsure) == ({}, [], set(), [])


def test_a_bare_预算数_column_and_a_年初目标值_column():
    # 昌宁 (tests/corpus/p25): 预算数(A) | 执行数(B) | 执行率(B/A) | 得分; 年初目标值(A) | 实际完成值(B) | 得分.
    values, _, _, _ = read("\n\n".join([
        "预算数(A)", "执行数(B)", "执行率(B/A)", "得分", "年度财政资金总额", "50", "10", "20", "4",
        "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分",
        "产出指标(40分)", "数量指标", "公猪舍(≥**平方米)", "22.8", "22.8", "1"]))
    assert values["budget"] == {"adjusted": 50, "executed": 10, "rate": 20}
    assert values["indicators"][0]["name"] == "公猪舍(≥**平方米)" and values["indicators"][0]["score"] == 1
    # 年度预算数(万元) is the title of the block above its columns, not a column (青神, p10).
    values, _, _, _ = read("\n".join(["年度预算数(万元) |", "年初预算 |", "调整后预算数 |", "预算执行数 |", "预算执行率 |", "权重 |",
                                      "得分 |", "总额 |", "238.93 |", "251.89 |", "251.89 |", "100.00% |", "10 |", "|"]))
    assert values["budget"] == {"initial": 238.93, "adjusted": 251.89, "executed": 251.89, "rate": 100}


def test_a_row_of_dashes_states_nothing_and_is_not_doubtful():
    values, _, _, unsure = read("\n".join(["项目 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
                                           "年度资金总额 | 9.48 | 9.48 | 10 | 100% | 10 |", "其他资金 | - | - |"]))
    assert values["funds"] == [{"source": "其他资金"}] and unsure == []


def test_amounts_written_with_万_alone():
    # 鄂州 (tests/corpus/p24): 150万 | 150万 | 125.25万 in a block headed 项目资金(万元).
    values, _, _, unsure = read("\n".join(["项目资金 (万元) |", "|", "年初预算数 |", "全年预算数 |", "全年执行数 |", "分值 |",
                                           "执行率 |", "得分 |", "||||||", "年度资金总额 |", "150万 |", "150万 |", "125.25万 |",
                                           "100 |", "83.5% |", "98 |", "||||||"]))
    assert values["budget"] == {"initial": 150, "adjusted": 150, "executed": 125.25, "rate": 83.5} and not unsure


def test_a_line_half_read_as_levels_is_not_then_read_by_column():
    # 黄石 (tests/corpus/p31): the header's first cell is the block's title, merged down the left, so
    # a row's cells stand one column left of the header's; the row is read by its words instead.
    values, _, _, _ = read("\n".join([
        "年度绩效目标1 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||",
        "产出指标(40分) | 数量指标 | 一个存储备份器 | 25TB | 25TB | 10 | ||||"]))
    assert [(r["name"], r["target"], r["unit"], r["actual"], r["score"]) for r in values["indicators"]] == [
        ("一个存储备份器", 25, "TB", 25, 10)]


def test_the_forms_unfilled_指标2_rows_are_passed_over_not_the_end_of_the_table():
    # 廊坊市食品工程学校 2019 (tests/corpus/p29): the template's 指标2 and …… rows left empty, their
    # empty cells gone; the table goes on under 质量指标.
    values, _, _, unsure = read("\n\n".join([
        "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "指标1工程资金金额", "43.2", "37.24", "10", "9", "已完工,剩余3%尾款未付", "指标2", " ", " ",
        "……", " ", "质量指标", "指标1工程完工率", "100", "100", "10", "10", " ", "指标2工程验收合格率", "100", "100", "10", "10"]))
    rows = values["indicators"]
    assert [r["name"] for r in rows] == ["指标1工程资金金额", "指标1工程完工率", "指标2工程验收合格率"]
    assert rows[0]["note"] == "已完工,剩余3%尾款未付" and rows[1]["level2"] == "质量指标" and not unsure


def test_a_lone_wrapped_line_is_passed_over_and_bare_效益_words_are_levels():
    # 黄石市图书馆 2022 (tests/corpus/p31): 社会效益 / 环境效益 without 指标, and the second line of a
    # wrapped 三级指标 cell standing alone between two rows.
    values, _, _, _ = read("\n".join([
        "年度绩效目标1 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||",
        "效益指标(30分) | 社会效益 | 使读者更方便快捷查找检阅 | 独有数据资源查询 | 独有数据资源查询 | ||||||",
        "促进黄石文化经济发展,丰富市民文化活动 | |||||||||",
        "环境效益 | 数字图书馆环境优良无污染 | 良好 | 良好 | 10 | |||||"]))
    rows = values["indicators"]
    assert [(r["level2"], r["name"]) for r in rows] == [("社会效益", "使读者更方便快捷查找检阅"), ("环境效益", "数字图书馆环境优良无污染")]
    assert rows[1]["score"] == 10 and "score" not in rows[0]


def test_a_number_that_is_the_amounts_ratio_is_their_rate_not_a_weight():
    # 忠县科协 2024 (tests/corpus/d18): a fund's row with 执行率 but not 权重 and 得分 — 96.85 could stand
    # under any of the three, but only as 执行率 is it what the amounts say.
    values, _, _, unsure = read("\n".join([
        "年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率 | 执行率权重 | 执行率得分 | |||||",
        "年度总金额 | 3,724,055.00 | 4,764,453.11 | 4,614,453.11 | |||||||",
        "一般公共预算 | 3,724,055.00 | 4,764,453.11 | 4,614,453.11 | 96.85 | ||||||"]))
    assert values["funds"] == [{"source": "一般公共预算", "initial": 3724055.0, "adjusted": 4764453.11, "executed": 4614453.11}]
    assert not unsure
    # Where the amounts do not settle which columns they are (年初 or 全年), the row is still left for staff.
    _, _, _, unsure = read("\n".join(["年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
                                       "年度资金总额 | 2179.00 | 2113.63 | 97.00% |"]))
    assert unsure == ["资金 年度资金总额（第 2 行）"]


def test_a_two_row_header_run_into_one_line_and_the_total_rows_score_and_grade():
    # 永德县明朗中学 2022 (tests/corpus/p04): 年度指标值 spans 指标性质 | 指标值 | 度量单位, written after
    # the first header row; ═ for =; the 总分 row gives the score and the grade.
    values, found, _, unsure = read("\n".join([
        "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位"
        " | 产出指标 | 数量指标 | 学生受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |",
        "| 成本指标 | 生均补助标准达标率 | ═ | 100 | % | 100% | 10 | 10 |",
        "| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |"]))
    rows = values["indicators"]
    assert rows[0] == {"level1": "产出指标", "level2": "数量指标", "name": "学生受资助人数", "operator": "≥", "target": 735,
                       "unit": "人次", "actual": 735, "weight": 10, "score": 10}
    assert rows[1]["operator"] == "=" and rows[1]["target"] == 100 and rows[1]["unit"] == "%" and not unsure
    assert values["result"] == {"score": 96, "grade": "优"} and "自评等级：优（第 3 行，总分一行）" in found


def test_a_total_row_one_cell_per_line():
    # 乐亭县 (tests/corpus/p30): 总分 / 100 / 99, each on its own line.
    values, found, _, _ = read("\n".join(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                          "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "100%", "10", "10",
                                          "总分", "100", "99"]))
    assert values["result"] == {"score": 99} and "自评得分：99（第 17 行）" in found


def test_a_row_broken_over_lines_is_left_for_staff_and_the_table_goes_on():
    # 永德县明朗中学 (tests/corpus/p04): 减轻贫困学生家庭经济负担's values on the next two lines (有效 / 有效 |
    # 10 | 10) cannot be placed one way; the rows after it are read; 服务对象满意度指标等 is a level.
    values, _, _, unsure = read("\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "| 效益指标 | 经济效益 指标 | 减轻贫困学生家庭经济负担 |", "| 有效 |", "| 有效 | 10 | 10 |",
        "| 社会效益 指标 | 政策知晓率 | 100% | 98% | 10 | 9 |",
        "| 满意度指标 | 服务对象满意度指标等 | 学生满意度 | 95% | 100% | 10 | 10 |"]))
    rows = values["indicators"]
    assert [(r["level2"], r["name"]) for r in rows] == [("社会效益指标", "政策知晓率"), ("服务对象满意度指标等", "学生满意度")]
    assert rows[0]["score"] == 9
    assert unsure == ["绩效指标 减轻贫困学生家庭经济负担（第 2 行起，各格与栏目对不上，可能是一行断成了几行）"]


def test_cells_between_single_blanks_one_row_a_line_and_rows_under_a_level_2_only():
    # 遂宁 2021 (tests/corpus/p38): a page's table, cells between single blanks, the 一级指标 cell
    # empty; a row with no values stays on its line and does not take the next line's cells.
    values, found, used, unsure = read("\n".join([
        "一级", "指标", "二级指标 三级指标 指标值 完成值",
        "数量指标 指标1.药品抽验品种 ≥3 4", "指标2.化妆品抽验批次 ≥3 7",
        "质量指标 指标1.药品抽检完成率 100% 100%", "指标2.不合格产品处置率", "指标3.培训人员覆盖率 100% 98%",
        "时效指标 任务完成时间 2021年底 2021年底"]))
    rows = values["indicators"]
    assert [(r["level1"], r["level2"], r["name"], r.get("operator"), r.get("target"), r.get("actual")) for r in rows] == [
        (None, "数量指标", "指标1.药品抽验品种", "≥", 3, 4), (None, "数量指标", "指标2.化妆品抽验批次", "≥", 3, 7),
        (None, "质量指标", "指标1.药品抽检完成率", "=", 100, 100),
        (None, "质量指标", "指标2.不合格产品处置率", None, None, None),  # the form's numbered row, its cells empty
        (None, "质量指标", "指标3.培训人员覆盖率", "=", 100, 98), (None, "时效指标", "任务完成时间", "=", 2021, 2021)]
    assert rows[-1]["unit"] == "年底" and not unsure


def test_a_level_cell_set_apart_by_two_blanks_is_not_license_to_cut_the_rest_at_single_blanks():
    # 旺苍县 2021 (tests/corpus/p68): 数量指标, two blanks, then the row's cells between single blanks. A
    # cell may hold a blank too (数量指标  新建 校舍面积 3000平方米; 指标1:…覆盖率 实施 352个 已完成), so where
    # the cells end cannot be told: such rows are left for staff, never cut by guess.
    values, _, _, unsure = read("\n".join([
        "一级指标 二级指标 三级指标 年度指标值 全年完成值 未完成原因和改进措施", "",
        "数量指标  新建 校舍面积 3000平方米", "数量指标  指标1:基本药物制度覆盖率 实施 352个 已完成",
        "质量指标  指标1:基药配备使用率 ≥ 60%"]))
    assert "indicators" not in values


def test_a_money_block_between_single_blanks_and_a_percentage_is_never_points():
    # 阜康 2023 (tests/corpus/p39) and 历城 2019 (p36): money rows between single blanks; an
    # indicator's 100% stands under 实际完成指标值, not under 分值.
    values, found, used, unsure = read("\n".join([
        "资金来源 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 5.28 1.96 1.96 10 100.00% 10",
        "其中:当年财政拨款 5.28 1.96 1.96 - - -", "其他资金 0.00 0.00 0.00 - - -",
        "年度总体目标 总体目标 总体目标完成情况",
        "一级", "指标", "二级", "指标", "三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分 未完成原因",
        "数量指标 全年免费开放 100% 100% 12.5 12.5"]))
    assert values["budget"] == {"initial": 5.28, "adjusted": 1.96, "executed": 1.96, "rate": 100}
    assert values["funds"] == [{"source": "当年财政拨款", "initial": 5.28, "adjusted": 1.96, "executed": 1.96},
                               {"source": "其他资金", "initial": 0, "adjusted": 0, "executed": 0}]
    row = values["indicators"][0]
    assert (row["name"], row["target"], row["actual"], row["weight"], row["score"]) == ("全年免费开放", 100, 100, 12.5, 12.5)


def test_letter_spaced_words_and_cells_between_bars_are_not_cut_at_blanks():
    assert [t.text for t in flattened.cut_at_blanks(flattened.tokens(["产 出 指 标 (50分)", "质量指标 | 合格率 | 100%"]), 0)] == [
        "产 出 指 标 (50分)", "质量指标", "合格率", "100%"]


def test_a_run_together_table_goes_on_over_the_sharing_sites_page_numbers():
    # 淘文阁 and 优知文库 (tests/corpus/p37, p22) start each page of a document's text with 1、 2、 3、.
    lines = ["1、专项资金绩效目标自评表一级 指标二级 指标三级指标年度指标 值全年 完成值产 出 指 标数量 指标储备到位率100%100%库存数量真实率100%",
             "2、100%质量 指标管理制度严格执行率100%100%", "3、变质比例00时效 指标", "4、其他文字"]
    assert flattened.with_next_pages(lines, 0) == (lines[0] + lines[1][2:] + lines[2][2:] + lines[3][2:], {0, 1, 2, 3})
    assert flattened.with_next_pages(["1、第一页", "3、不是下一页"], 0) == ("1、第一页", {0})
    values, found, used, unsure = read("\n".join(lines[:3]))
    assert [(r["level2"], r["name"], r["target"], r["actual"]) for r in values["indicators"]] == [
        ("数量指标", "储备到位率", 100, 100), ("数量指标", "库存数量真实率", 100, 100),
        ("质量指标", "管理制度严格执行率", 100, 100), ("质量指标", "变质比例", 0, 0)]
    assert used == {0, 1, 2} and not unsure


def test_a_label_alone_with_its_values_on_the_next_line_is_read_as_one_row():
    # 临翔 2023 (tests/corpus/p32): 年度资金总额 | on its line, its cells between bars on the next. One
    # of the three amount cells is empty and which one cannot be told (年初 or 全年): left for staff,
    # not read cell by cell into the header's first columns.
    values, found, used, unsure = read("\n".join([
        "项目资金 (万元) |", "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "年度资金总额 |", "| 32.4 | 31.69 | 10 | 97.80% | 9 |", "其中:当年财政拨款 |", "| 32.4 | 31.69 | 10 | 97.80% | 9 |",
        "年度 总体 目标 | 预期目标 | 实际完成情况 |"]))
    assert not values.get("budget") and not values.get("funds")
    assert unsure == ["资金 年度资金总额（第 3 行）", "资金 其中:当年财政拨款（第 5 行）"]
    values, found, used, unsure = read("\n".join([
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |", "年度资金总额 |", "| 32.4 | 32.4 | 31.69 | 10 | 97.80% | 9 |"]))
    assert values["budget"] == {"initial": 32.4, "adjusted": 32.4, "executed": 31.69, "rate": 97.8} and not unsure


def test_dashes_between_single_blanks_are_empty_cells_and_a_words_column_takes_the_last_text():
    # 历城 2019 (tests/corpus/p36): "- - -" are empty cells, not a letter-spaced word; 得分计算方法 holds words.
    values, found, used, unsure = read("\n".join([
        "  年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分 得分计算方法",
        "年度资金总额 45 45 10 100% 10 执行率*该指标分值,最高不得超过分值上限。",
        "其中:财政拨款 45 45 - - -", "      其他资金     - - -"]))
    assert values["budget"] == {"initial": 45, "executed": 45, "rate": 100}
    assert values["funds"][0] == {"source": "财政拨款", "initial": 45, "executed": 45} and not unsure


def test_fujians_numbered_money_columns_rows_and_a_header_that_wrapped():
    # 宁德市地震局 2020 (tests/corpus/d38): 年初部门预算安排金额① | 年中调整金额② | 小计③=①+② | 年度拨付金额 |
    # 支出实现率⑤=④/③ | two balance columns; rows numbered ① 项目支出, 2.单位其它收入; 合 计 spaced out;
    # the indicator header's 绩效 / 实际 wrapped, their 目标值 / 完成值 on the next line; 产出目标 > 数量目标.
    values, found, _, unsure = read("\n".join([
        "财政资金安排和使用情况 资金结构 预算安排 拨付情况 结余情况",
        "(万元) 年初部门预算安排金额(含历年结余结转)① 年中调整金额② 小计 年度拨付金额 支出实现率(%)⑤=④/③ "
        "本年度结余金额⑥=③-④ 资金结余率(%)⑦=⑥/③",
        "  ③=①+②",
        "财政资金小计 130.54 58.07 188.61 188.45 99.92 0.16 0.08",
        "① 项目支出 30 0 30 30 100 0 0",
        "② 基本支出 100.54 58.07 158.61 158.45 99.9 0.16 0.1",
        "2.单位其它收入 0 0 0 0 0 0 0",
        "合 计 130.54 58.07 188.61 188.45 99.92 0.16 0.08",
        "年度总体目标完成情况 预期目标 目标实际完成情况",
        "年度绩效指标完成情况 一级指标 二级指标 三级指标 绩效 实际 评分标准 指标分值 自评得分 未完成原因",
        "目标值 完成值",
        "产出目标 数量目标 抽查全市地震监测台站运维情况个数 9个 9个 本指标满分6分,少检查一个扣1分,扣完为止。 6 6 已完成",
        "开展防震减灾科普宣传活动场数 10场 11场 本指标满分6分,少一场扣1分,扣完为止。 6 5 已完成"]))
    assert values["budget"] == {"initial": 130.54, "adjusted": 188.61, "executed": 188.45, "rate": 99.92}
    assert values["spending"] == {"project": 30, "basic": 158.45}
    assert values["funds"] == [{"source": "财政资金小计", "initial": 130.54, "adjusted": 188.61, "executed": 188.45},
                               {"source": "单位其它收入", "initial": 0, "adjusted": 0, "executed": 0}]
    rows = values["indicators"]
    assert [(r["level1"], r["level2"], r["target"], r["actual"], r["weight"], r["score"], r["note"]) for r in rows] == [
        ("产出目标", "数量目标", 9, 9, 6, 6, "已完成"), ("产出目标", "数量目标", 10, 11, 6, 5, "已完成")]
    assert not unsure and "绩效指标：2 行（第 10 行起）" in found


def test_a_header_broken_one_cell_per_line_with_its_numbering_and_rows_without_amounts():
    # 宁德市方志委 2018 (tests/corpus/d39): the header one cell per line, formulas on lines of their own,
    # two words on one line (年中调整金额③ 小计); empty rows are sources only by their names.
    values, _, _, unsure = read("\n".join([
        "(万元)", "预算安排 拨付情况 结余情况", "年初部门预算安排金额", "历年结余结转", "年中调整金额③ 小计",
        "④ = ①+② +③", "年度拨付金额", "支出实现率(%)", "⑥=⑤/④", "本年度结余金额", "⑦=④-⑤", "资金结余率", "(%)", "⑧=⑦/④",
        "财政资金小计 2537695 213722.82 0 2751417.82 2546673.98 93% 204743.84 7%",
        "①中央及省级财政资金        ",
        "②市级财政资金 2537695 213722.82 0 2751417.82 2546673.98 93% 204743.84 7%",
        "①……        ",
        "合 计 2537695 213722.82 0 2751417.82 2546673.98 93% 204743.84 7%",
        "年度", "总体", "目标"]))
    assert values["budget"] == {"initial": 2537695, "adjusted": 2751417.82, "executed": 2546673.98, "rate": 93}
    assert [f["source"] for f in values["funds"]] == ["财政资金小计", "中央及省级财政资金", "市级财政资金"]
    assert values["funds"][1] == {"source": "中央及省级财政资金"} and not unsure


def test_a_rate_written_as_a_fraction_is_not_taken_as_per_cent():
    # 施甸县 2019 (tests/corpus/p40): 执行率(B/A) written 0.1 for 94 / 650.
    values, _, _, unsure = read("\n".join([
        "预算执行情况(万元)(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |",
        "年度财政资金总额 | 650 | 94 | 0.1 | 2.9 ||"]))
    assert values["budget"] == {"adjusted": 650, "executed": 94}
    assert unsure == ["资金 年度财政资金总额 的执行率 0.1 写成小数，未当作百分数（第 2 行）"]


def test_a_bar_on_its_own_line_after_each_cell_ends_the_cell():
    # 保山市退役军人事务局 2022 (tests/corpus/p49): a page wrote each cell, then a lone |, on lines of
    # their own; a lone | after a | is an empty cell. Its indicator rows fill 目标值 | 实际完成值 | 得分.
    cells = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分",
             "产出指标(60分)", "数量指标", "慰问伤残军人50人。", "100%", "100%", "20",
             "质量指标", "补助经费足额拨付率", "100%", "100%", "20",
             "时效指标", "春节前完成走访慰问", "按时限完成"]
    lines = [line for cell in cells for line in (cell, "|")] + ["|", "20", "|", "||||"]  # an empty 实际完成值, then 得分
    values, _, _, unsure = read("\n".join(lines))
    rows = values["indicators"]
    assert [(r["name"], r.get("target"), r.get("actual"), r.get("score")) for r in rows] == [
        ("慰问伤残军人50人。", 100, 100, 20), ("补助经费足额拨付率", 100, 100, 20), ("春节前完成走访慰问", "按时限完成", None, 20)]
    assert not unsure


def test_money_rows_whose_empty_cells_are_gone():
    # 六安市 2021 (tests/corpus/p21): one cell per line; 上年结转资金 and 其他资金 have no cells left.
    values, found, _, _ = read("\n".join([
        "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "年度资金总额", "200", "200", "179.43", "10", "89.7%", "9",
        "其中:当年财政拨款", "200", "200", "179.43", "10", "89.7%", "8", "上年结转资金", "其他资金", "年度总体目标"]))
    assert values["funds"] == [{"source": "当年财政拨款", "initial": 200, "adjusted": 200, "executed": 179.43},
                               {"source": "上年结转资金"}, {"source": "其他资金"}]
    assert "资金来源 其他资金：未填（第 22 行）" in found


def test_a_sources_row_with_dashes_reads_its_amounts_when_every_reading_states_the_same():
    # 宣城市 2021 (tests/corpus/p60): cells between single blanks; the source's row has three amounts
    # and two dashes for six columns. Wherever the dashes stand, the amounts are the first three: a
    # reading with 100 as its weight is no reading, since the block's total row weighs 10.
    head = ["年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分", "年度资金总额: 100 100 100 10 100% 10"]
    values, found, _, unsure = read("\n".join([*head, " 其中:本年财政拨款 100 100 90 - -", "    上年结转资金 - -"]))
    assert values["funds"] == [{"source": "本年财政拨款", "initial": 100, "adjusted": 100, "executed": 90},
                               {"source": "上年结转资金"}] and not unsure
    # Two amounts and two dashes: which amount column is empty cannot be told, so it is left for staff.
    values, found, _, unsure = read("\n".join([*head, " 其中:本年财政拨款 100 90 - -"]))
    assert values.get("funds") in (None, []) and unsure == ["资金 其中:本年财政拨款（第 3 行）"]


def test_sichuans_bare_预算数_and_执行数_cells_each_with_its_amount_in_the_next_cell():
    # 安居区 2021 (tests/corpus/p61): one cell per paragraph, 预算数: / 2.38 / 执行数: / 2.38 / 20 (points).
    values, found, _, _ = read("\n\n".join(["食品监管补助资金区域绩效目标自评表", "预算执行情况", "预算数:", "2.38",
                                              "执行数:", "2.38", "20", "其中:中央补助"]))
    assert values["budget"] == {"adjusted": 2.38, "executed": 2.38} and "预算数：2.38（第 5 行）" in found
    # Not a label inside a sentence, nor one whose next cell is no amount.
    values, _, _, _ = read("\n".join(["上年预算数:", "2.38", "执行数:", "详见附表", "2.38"]))
    assert "budget" not in values


def test_a_transfer_payment_forms_money_given_as_labels_and_values():
    # 遂宁经开区 2021 (tests/corpus/p38): the 中央对地方转移支付 区域 form's 预算执行情况 block.
    values, found, used, _ = read("\n".join([
        "2021年中央对地方专项转移支付区域绩效目标自评表", "预算", "执行", "情况", "(万元)",
        " 转移支付预算数(A) 5.8万 预算执行率(B/A) 100%", " 转移支付执行数(B) 5.8万"]))
    assert values["budget"] == {"adjusted": 5.8, "executed": 5.8, "rate": 100}
    assert "转移支付执行数：5.8（第 7 行）" in found and {5, 6} <= used
    # A rate that is not the amounts' ratio is left out; a narrative's 预算执行率 alone is not a form's.
    values, _, _, _ = read(" 转移支付预算数(A) 5.8万 预算执行率(B/A) 90%\n 转移支付执行数(B) 5.8万")
    assert values["budget"] == {"adjusted": 5.8, "executed": 5.8}
    values, found, used, _ = read("财政拨款支出合计2024.05万元,预算执行率100%。")
    assert values == {} and found == [] and used == set()


def test_targets_written_with_ascii_signs():
    # 峰峰矿区 2021 (tests/corpus/p23) and 普陀区 2022 (p43) write >= and <= in ASCII.
    from generator.importers import forms

    assert forms.target_parts(">=5000") == ("≥", 5000, None) and forms.target_parts("<=62.73") == ("≤", 62.73, None)
    assert forms.target_parts(">=90%") == ("≥", 90, "%") and forms.target_parts(">90%") == (">", 90, "%")
    assert forms.target_parts("＞＝98%") == ("≥", 98, "%") and forms.target_parts("＜＝5天") == ("≤", 5, "天")  # full width


def test_hebeis_rows_one_a_line_with_a_tail_of_points():
    # 峰峰矿区人民法院 2021 (tests/corpus/p23): one row a line, the last three cells between blanks
    # (单项指标得分 | 权重占比 | 折算得分). A row whose target and actual cut more than one way is left.
    from generator.importers.points_tail import tail_rows

    lines = ["四、年度绩效指标完成情况一级指标二级指标三级指标指标分值预期指标值单项指标实际完成值单项指标完成情况自评得分",
             "符号单位(文字描述)单项指标得分权重占比(%)单项指标折算得分",
             "产出指标数量指标办理案件数量10>=50006418件完成100 10 10 ",
             "成本指标保障执法办案中产生的费用10<=62.73 62.73万完成100 10 10 ",
             "质量指标采购装备质量达标率20>=90%98%完成100 20 20 ",
             "时效指标任务完成时限10文字描述",
             "2021年12月31日前完成2021年12月31日前完成100 10 10 ",
             "效果指标可持续影响指标电子业务装备使用年限15>=68年完成100 15 15 ",
             "自评总分100"]
    rows, unsure, used = tail_rows(lines)
    assert [(r["level1"], r["level2"], r["name"], r["operator"], r["target"], r["actual"], r["weight"], r["score"]) for r in rows] == [
        ("产出指标", "成本指标", "保障执法办案中产生的费用", "≤", 62.73, "62.73万", 10, 10),
        ("产出指标", "质量指标", "采购装备质量达标率", "≥", 90, 98, 20, 20),
        ("产出指标", "时效指标", "任务完成时限", "定性", "2021年12月31日前完成", "2021年12月31日前完成", 10, 10),
        ("效果指标", "可持续影响指标", "电子业务装备使用年限", "≥", 6, "8年", 15, 15)]
    assert unsure == ["绩效指标（第 3 行）：产出指标数量指标办理案件数量10>=50006418件完成1"]  # >=5000|6418件 or >=50006|418件
    assert used == set(range(8)) and read("\n".join(lines))[0]["result"] == {"score": 100}


def test_rows_keeping_the_forms_指标1_marks_in_a_sheet_run_into_one_line():
    # 稷山县 2020 and 2021 (tests/corpus/p33, p41): a sheet's text layer, one line in an order of its
    # own; the rows that keep their mark and exactly four cells after the name are read.
    line = ("年度 总体 目标 一级 指标 二级指标 三级指标 分值 得分 37442人 3 3 14种 1 1 "
            "指标7:建立预防接种证 221人 221人 2 2 指标8:适龄儿童疫苗接种率 100.00% 97.30% 2 1.9 "
            "指标9:0-6岁儿童健康管理数 2089人 2089人 2 2 "
            "指标24:传染病及突发公共卫生事件报告 数 指标25:家庭医生签约率 14例 14例 2 2 24694人 22584人 2 1.7 "
            "质量指标 指标1:资金是否全部纳入医 保统筹 100% 100% 15 15 时效指标 "
            "指标1:资金是否全部及时纳 入 100% 100% 10 10 75元 75元 10 10 总分")
    values, found, used, unsure = read(line)
    rows = [(r["level2"], r["name"], r.get("operator"), r["target"], r.get("unit"), r["actual"], r["weight"], r["score"])
            for r in values["indicators"]]
    assert rows == [
        (None, "指标7:建立预防接种证", "=", 221, "人", 221, 2, 2),
        (None, "指标8:适龄儿童疫苗接种率", "=", 100, "%", 97.3, 2, 1.9),
        (None, "指标9:0-6岁儿童健康管理数", "=", 2089, "人", 2089, 2, 2),
        ("质量指标", "指标1:资金是否全部纳入医保统筹", "=", 100, "%", 100, 15, 15)]
    # A wrapped name with no values, two rows' values after one name, and a row with a cell more.
    assert [u.split("：")[1][:8] for u in unsure] == ["指标24:传染病", "指标25:家庭医", "指标1:资金是否"]


def test_marked_rows_are_read_only_under_the_indicator_tables_header():
    assert "indicators" not in read("指标1:办证数量 100件 120件 10 10")[0]


def test_hebeis_rows_with_cells_between_blanks_and_a_text_in_the_points_cell():
    # 成安县民政局 2020 (tests/corpus/p48): the same form as p23 with its cells between blanks; the
    # 指标分值 cell holds a text, the target its 符号, value and 单位 cells. A row whose name and that
    # text cannot be told apart (three cells before the sign) is left.
    from generator.importers.points_tail import tail_rows

    lines = ["四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分",
             "符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分",
             "产出指标 质量指标 符合条件申报对象覆盖率 享受补贴政策人数占符合条件申报对象总数的比例 >= 98 %(百分比) 100% 完成 25.00 25.00 6.25",
             "时效指标 完成率 按照要求每月及时完成 符合条件对象审批的比例 >= 99 %(百分比) 100% 完成 25.00 25.00 6.25",
             "效果指标 社会效益指标 补贴发放率 高龄补贴发放完成率 >= 75 %(百分比) 100% 完成 30.00 30.00 9.00"]
    rows, unsure, used = tail_rows(lines)
    assert [(r["level1"], r["level2"], r["name"], r["operator"], r["target"], r["unit"], r["actual"], r["weight"], r["score"])
            for r in rows] == [("产出指标", "质量指标", "符合条件申报对象覆盖率", "≥", 98, "%(百分比)", "100%", 25, 6.25),
                               ("效果指标", "社会效益指标", "补贴发放率", "≥", 75, "%(百分比)", "100%", 30, 9)]
    assert unsure == ["绩效指标（第 4 行）：" + lines[3][:30]]


def test_a_total_row_whose_label_gives_its_points_and_the_forms_grade_field():
    # 保山 2022 (tests/corpus/p49): 总分(100分) | 100 | 自评等级 | 优, one cell a line, a lone bar after each.
    values = read("\n".join(["总分(100分)", "|", "96.5", "|", "自评等级", "|", "优", "|"]))[0]
    assert values["result"] == {"score": 96.5, "grade": "优"}
    # A legend of the grades is no grade given.
    assert "result" not in read("\n".join(["评价等级", "|", "优", "|", "良", "|", "中", "|", "差", "|"]))[0]
    # A 总分 without its points is the row's points column, not its score.
    assert "result" not in read("\n".join(["总分", "|", "100", "|"]))[0]


def test_a_rate_beside_amounts_whose_全年执行数_cell_is_empty_is_left_for_staff():
    # Two amounts and a rate that is not their ratio: read as 年初 and 全年 with the 执行 cell empty, the
    # rate would be the ratio of nothing on its row. The row is left for staff.
    values, _, _, unsure = read("\n".join(["项目 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
                                           "年度资金总额 | 32.4 | 31.69 | 10 | 90% | 9 |"]))
    assert "budget" not in values and unsure == ["资金 年度资金总额（第 2 行）"]


def test_a_total_row_with_one_number_under_a_header_without_a_points_column():
    # 施甸 2019 (tests/corpus/p40): 一级指标 | … | 实际完成值(B) | 得分 |, then 总分 | 71.7 |.
    head = "一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |"
    rows = ["满意度指标 | 服务对象满意度指标 | 满意度(%) | 90 | 100 | 11.1 | |", "总分 | 71.7 | |||||"]
    assert read("\n".join([head, *rows]))[0]["result"] == {"score": 71.7}
    # With a 分值 column the one number may be the points (100, its score cell left empty): not taken.
    head = "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |"
    assert "result" not in read("\n".join([head, rows[0], "总分 | 90 | |||||"]))[0]


def test_a_numbered_row_alone_on_its_line_is_a_row_whose_cells_are_empty():
    # 遂宁 2021 (tests/corpus/p38): 指标4.不合格产品处置率 with no values, between two whole rows; the
    # 成本指标 rows 指标2./指标3. before the next level. A lone line without the form's numbering is not one.
    lines = ["一级指标 二级指标 三级指标 年度指标值 实际完成值", "产出指标 数量指标 指标1.药品抽验完成率 100% 100%",
             "指标4.不合格产品处置率", "指标5:药品不良反应每百万人口报告数 ≥150 150", "成本指标 指标1.培训成本 400元/人、天 180元/人、天",
             "指标2.药品抽验平均标准", "效益指标 社会效益 指标1.群众满意度 ≥90% 95%"]
    rows = read("\n".join(lines))[0]["indicators"]
    assert [(r["level2"], r["name"], r.get("actual")) for r in rows] == [
        ("数量指标", "指标1.药品抽验完成率", 100), ("数量指标", "指标4.不合格产品处置率", None),
        ("数量指标", "指标5:药品不良反应每百万人口报告数", 150), ("成本指标", "指标1.培训成本", 180),
        ("成本指标", "指标2.药品抽验平均标准", None), ("社会效益", "指标1.群众满意度", 95)]


def test_a_row_the_text_ends_in_keeps_its_last_cell_unread():
    # 宣城市公安局 2021 (an excerpt cut inside a cell): 严格执行相关财经法 is the start of a cell, not its
    # value. A row closed by a bar, or followed by more text, is read whole.
    header = "二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施"
    row = "质量指标 指标1:经费支出合规性 严格执行相关财经法规制度 严格执行相关财经法"
    rows = read("\n".join(["产出指标", header, row]))[0]["indicators"]
    assert rows[-1]["target"] == "严格执行相关财经法规制度" and "actual" not in rows[-1]
    rows = read("\n".join(["产出指标", header, row, "数量指标 指标2:培训场次 ≥2场 3场 10 10"]))[0]["indicators"]
    assert rows[0]["actual"] == "严格执行相关财经法"


def test_a_money_block_whose_header_unit_wrapped_onto_its_first_row():
    # 裕安区 2022 (tests/corpus/p54): 项目资金 / (万元) 年度资金总额 29 29 27.8 9 0.958 8, cells between blanks.
    values, found, used, unsure = read("\n".join([
        "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "(万元) 年度资金总额 29 29 27.8 9 0.958 8",
        "其中:当年财政拨款 29 29 27.8 9 0.958 8",
        "年度总体目标 预期目标 实际完成情况"]))
    assert values["budget"] == {"initial": 29, "adjusted": 29, "executed": 27.8}  # 0.958 is a fraction: left for staff
    assert values["funds"] == [{"source": "当年财政拨款", "initial": 29, "adjusted": 29, "executed": 27.8}]
    assert any("0.958" in u for u in unsure)


def test_a_note_followed_by_the_next_rows_empty_level_cells_is_the_rows_note():
    # 濉溪县 2019 (tests/corpus/p53): one cell per line, each with its bar; after a row's note come the
    # next row's empty 一级/二级 cells as lone bars, then its name.
    rows = read("\n".join([
        "一级指标 |", "二级指标 |", "三级指标 |", "分值 |", "年度指标值 |", "全年实际值 |", "得分 |", "未完成原因及拟采取的改进措施 |",
        "产出指标(50分) |", "数量指标 |", "特困人员救助供养人数 |", "5 |", ">=4754人 |", "4604人 |", "5 |", "特困人员实行动态管理 |",
        "|", "|", "|", "扶贫临时救助人数 |", "10 |", ">=7人 |", "7人 |", "10 |", "|", "|", "|",
        "时效性指标 |", "救助及时率 |", "5 |", "100% |", "100% |", "5 |", "|", "|", "|",
        "群众满意度 指标 |", "受助对象满意度 |", "10 |", "≥90% |", "95% |", "10 |", "|"]))[0]["indicators"]
    assert [r["name"] for r in rows] == ["特困人员救助供养人数", "扶贫临时救助人数", "救助及时率", "受助对象满意度"]
    assert rows[0]["note"] == "特困人员实行动态管理" and rows[1]["score"] == 10
    assert rows[2]["level2"] == "时效性指标" and rows[3]["level2"] == "群众满意度指标"


def test_a_checklists_year_budget_and_the_sources_under_it():
    # 彭水自治县 2024 (tests/corpus/p11): 年度预算资金总额 as a label, its sources on the lines after 其中.
    lines = ["预算资金安排 2024年度计划生育转移支付资金预算安排情况。",
             "计划生育转移支付资金合计(万元) 年度预算资金总额): 1084.25 ",
             "其中:中央补助 668.00 ", "市级资金 343.00 ", "本级资金(包括结转结余) 73.25 ", "其中:",
             "农村部分计划生育家庭奖励扶助制度补助资金(万元)", "年度预算资金总额: 763.00 ", "其中:中央补助 502.00 "]
    values, found, used, unsure = read("\n".join(lines))
    assert values["budget"] == {"adjusted": 1084.25}
    assert values["funds"] == [{"source": "中央补助", "adjusted": 668}, {"source": "市级资金", "adjusted": 343},
                               {"source": "本级资金(包括结转结余)", "adjusted": 73.25}]
    # Sources that do not add up to the total (a list cut short) are not its sources.
    values = read("\n".join(lines[:4]))[0]
    assert values["budget"] == {"adjusted": 1084.25} and "funds" not in values


def test_a_page_that_opens_inside_the_previous_form_reads_only_its_own(tmp_path):
    # p63 (大英县): a county posts its project forms one after another; the page opens with the
    # previous form's last indicator row, 合计 and signatures, then this form's title and 项目名称.
    path = tmp_path / "page.txt"
    path.write_text("\n".join([
        "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 |",
        "产出指标 | 经济成本指标 | 成本控制数 | ≤30万元 | 完成 | 90 | 90 |",
        "合计 | 100 |", "项目负责人:某某 | 财务负责人:某某 |",
        "项目支出绩效自评表(2023年度) |",
        "项目名称 | 示例补助资金项目 |",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "产出指标 | 数量指标 | 购置电脑台数 | 13台 | 13台 | 20 | 20 |"]), encoding="utf-8")
    draft = build_draft(path)
    assert [(row["name"], row["actual"], row["score"]) for row in draft.data["indicators"]] == [("购置电脑台数", 13, 20)]
    kept = next(s for s in draft.data["sections"] if s["title"] == OTHER_FORM_SECTION)
    assert kept["text"].startswith("绩效指标(90分)") and "项目负责人" in kept["text"]
    assert "第 1–4 行" in " ".join(draft.doubtful["自评表"])


def test_a_tail_whose_indicator_names_a_field_is_still_a_tail_and_its_total_is_not_this_forms(tmp_path):
    # Found by the attack review: 项目实施单位满意度 (an indicator) read as the 实施单位 field, so the tail's
    # 总分 and 评价等级 became this form's score and grade.
    path = tmp_path / "page.txt"
    path.write_text("\n".join([
        "满意度指标 | 服务对象满意度指标 | 项目实施单位满意度 | 10 | ≥90% | 95% | 10",
        "总分 | 100 | 自评得分 | 86 | 评价等级 | 良", "项目负责人：李华 | 财务负责人：王丽 | 填表人：赵强",
        "2021年度项目支出绩效自评表", "项目名称 | 农村公路养护", "主管部门 | 西平县交通运输局 | 实施单位 | 西平县公路事业发展中心"]),
        encoding="utf-8")
    draft = build_draft(path)
    assert "result" not in draft.data and draft.data["project"]["name"] == "农村公路养护"
    assert OTHER_FORM_SECTION in [s["title"] for s in draft.data["sections"]]


def test_a_narrative_of_short_lines_is_never_a_tail(tmp_path):
    # The attack review: a report in short lines, whose 综合计划股 holds 合计 and which ends with the
    # note of its attached form, was set aside whole.
    path = tmp_path / "report.txt"
    path.write_text("\n".join(["县水利局2023年度部门整体支出绩效自评报告", "一、部门基本情况", "县水利局综合计划股负责项目管理。",
                                "二、年度主要任务", "完成产出指标12项。", "项目负责人：张明", "三、自评结论", "等级为优。",
                                "附表1：部门整体支出绩效自评表"]), encoding="utf-8")
    draft = build_draft(path)
    assert OTHER_FORM_SECTION not in [s["title"] for s in draft.data["sections"]]
    assert draft.data["department"]["name"] == "县水利局" and draft.data["result"]["grade"] == "优"


def test_a_narrative_before_its_attached_form_is_not_taken_for_another_forms_tail(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("\n".join([
        "示例县教育局2023年度项目支出绩效自评报告",
        "一、评价结论",
        "本项目一级指标、二级指标设置合理，全部完成，自评得分95分，合计支出100万元，整体效果良好，群众满意度较高。",
        "附件：项目支出绩效自评表(2023年度)",
        "项目名称 | 示例项目 |"]), encoding="utf-8")
    draft = build_draft(path)
    assert OTHER_FORM_SECTION not in [s["title"] for s in draft.data["sections"]]
    assert draft.data["result"]["score"] == 95


def test_rows_that_end_with_the_next_rows_label():
    # 永德县 2022 (tests/corpus/p04, Yunnan's 公开14表): each line ends with the label of the row after
    # it. 年度资金总额's five values fit six columns two ways (年初 or 全年预算数 empty), so it is left
    # for staff, never read with the next label run into it; a row whose values fit one way is read.
    values, found, _, unsure = read("\n".join([
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |",
        "| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |",
        "| 300 | 387664.62 | 387664.62 | — | 上年结转 资金 |", "| — |"]))
    assert unsure == ["资金 年度资金总额（第 1 行）"]
    assert values["funds"][0] == {"source": "当年财政拨款", "initial": 300, "adjusted": 387664.62, "executed": 387664.62}


def test_hebeis_money_given_as_label_and_amount_pairs_on_one_line():
    # 成安县 2020 (tests/corpus/p48): 预算数 / 到位数 / 执行数 each before its amount, the 执行进度 last.
    head = "二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)"
    values, found, used, _ = read("\n".join([head, "预算数 6.84 到位数 6.84 执行数 6.84 100.00",
                                             "其中:财政资金 6.84 其中:财政资金 6.84 其中:财政资金 6.84", "其他 0.00 其他 0.00 其他 0.00"]))
    assert values["budget"] == {"adjusted": 6.84, "executed": 6.84, "rate": 100}
    assert values["funds"] == [{"source": "财政资金", "adjusted": 6.84, "executed": 6.84},
                               {"source": "其他", "adjusted": 0, "executed": 0}]
    assert {1, 2, 3} <= used and "全年执行数：6.84（第 2 行）" in found
    # 峰峰矿区 2021 (p23): run together; 62.73100.00 cuts one way only into an amount and its ratio.
    glued = "二、预算执行情况预算安排情况(调整后)资金到位情况资金执行情况预算执行进度(%)"
    values, _, _, _ = read(f"{glued}\n预算数62.73到位数62.73执行数62.73100.00\n其中:财政资金62.73其中:财政资金62.73其中:财政资金62.73")
    assert values["budget"] == {"adjusted": 62.73, "executed": 62.73, "rate": 100}
    # A rate that is not the amounts' ratio is not read; run together, an execution whose cut into an
    # amount and its rate cannot be checked (1010: 10 and 10? 101 and 0?) is not read at all.
    values, _, _, _ = read(f"{head}\n预算数 20 到位数 20 执行数 10 90")
    assert values["budget"] == {"adjusted": 20, "executed": 10}
    values, _, _, _ = read(f"{glued}\n预算数20到位数20执行数1010")
    assert "budget" not in values
    # Without its header the line is not the form's block (a report quoting one project's line).
    values, _, _, _ = read("预算数 6.84 到位数 6.84 执行数 6.84 100.00")
    assert "budget" not in values


def test_a_line_of_the_blocks_points_under_a_two_row_header_is_no_row_and_the_second_row_is_no_header_alone():
    # p71's shape: a two-row header (绩效指标 | 年度指标值 | … then 一级指标 | … | 度量单位), a line 90.00 | 90.00
    # that is no row, and 指标性质 cells carrying Yunnan's system code before the sign (004 >=, 005 <=).
    values, _, _, _ = read("\n".join([
        "项目支出绩效指标表 | |||", "绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | ||",
        "一级 指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | ||", "90.00 | 90.00 | ||||",
        "产出指标 | 数量指标 | 检查督导次数 | 004 >= | 20 | 次 | 113 | 22.50 | 22.50 | ||",
        "产出指标 | 成本指标 | 经费支出 | 005 <= | 33 | 万元 | 32.9999 | 22.50 | 22.50 | ||",
        "效益指标 | 经济效益 | 投资增加数 | 004 >= | 1亿 | 元 | 24亿 | 9.00 | 9.00 | ||"]))
    rows = values["indicators"]
    assert [r["name"] for r in rows] == ["检查督导次数", "经费支出", "投资增加数"]  # not 90.00
    assert (rows[0]["operator"], rows[0]["target"], rows[0]["unit"], rows[0]["actual"]) == ("≥", 20, "次", 113)
    assert (rows[1]["operator"], rows[1]["target"], rows[1]["unit"]) == ("≤", 33, "万元")
    # 1亿 | 元: the value's 亿 and the unit cell make 亿元; 24亿 carries the same 亿, so it is 24 of them
    assert (rows[2]["target"], rows[2]["unit"], rows[2]["actual"]) == (1, "亿元", 24)


def test_hunans_data_sheet_gives_the_years_money_only_where_no_form_does():
    # 益阳市总工会 2022 (tests/corpus/d56): 基础数据表 one cell per line, the form's money block missing.
    sheet = ["2022年度部门整体支出绩效评价基础数据表", "经费控制情况(万元)", "2021年决算数", "2022年预算数", "2022 年决算数",
             "支出总额", "1274.38", "1342.49", "1342.49", "基本支出", "606.44", "719.99", "719.99",
             "其中:公用经费", "89.15", "95.86", "95.86", "项目支出", "667.94", "622.5", "622.5", "部门整体支出预算调整", "0", "0"]
    values, found, _, _ = read("\n".join(sheet))
    assert values["budget"] == {"adjusted": 1342.49, "executed": 1342.49}
    assert values["spending"] == {"basic": 719.99, "project": 622.5}  # 2022's 决算数, not 2021's; no 公用经费 as a fund
    assert "基础数据表 支出总额：全年预算数 1342.49、全年执行数 1342.49（第 6 行）" in found
    # A form's own money block states the year: the sheet is then not read (d25).
    form = ["部门整体支出绩效自评表", "年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
            "年度资金总额 | 861.10 | 2030.12 | 2030.12 | 10 | 100% | 10 |"]
    values, _, _, _ = read("\n".join(sheet + form))
    assert values["budget"] == {"initial": 861.10, "adjusted": 2030.12, "executed": 2030.12, "rate": 100} and "spending" not in values


def test_guangxis_基础信息表_spending_by_direction():
    # 贺州 2022 (tests/corpus/d46): 资金使用方向 | 安排年度 | 实际下达额度 | 实际支出金额, a cell per line.
    values, found, _, _ = read("\n".join(["按方向划分 |", "资金使用方向 |", "安排年度 |", "实际下达额度 |", "实际支出金额 | |||",
                                          "基本支出 |", "2465.390098 |", "2465.390098 | |||||", "项目支出 |", "16469.959782 |",
                                          "16469.959782 | |||||", "1-2:评价人员(最少3位) | |||||||"]))
    assert values["spending"] == {"basic": 2465.390098, "project": 16469.959782} and "budget" not in values
