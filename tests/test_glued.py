"""An indicator table whose cells ran together with nothing between them (glued.py): read only
where the run splits into rows one way. The shape of tests/corpus/p14 (a page copying a PDF)."""

from generator.importers.glued import glued_indicators
from generator.importers.glued_money import glued_money

HEADER = "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"


def test_rows_that_split_one_way_are_read():
    rows, unsure = glued_indicators(HEADER + "产出指标(70分)数量指标安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10"
                                    "质量指标项目(工程)验收合格率20100%100%20成本指标项目计划总投资1020万元20万元10总分100100")
    assert [(r["level2"], r["name"], r["weight"], r["score"]) for r in rows] == [
        ("数量指标", "安装坡面水标尺", 10, 10), ("数量指标", "水标尺宽度", 10, 10),
        ("质量指标", "项目(工程)验收合格率", 20, 20), ("成本指标", "项目计划总投资", 10, 10)]
    assert rows[0]["operator"] == "≥" and rows[0]["target"] == 266 and rows[0]["unit"] == "米"
    assert rows[3]["target"] == 20 and rows[3]["unit"] == "万元" and not unsure


def test_two_words_run_together_are_not_split_by_guess():
    # 显著提升明显改善: 显著 | 提升明显改善, 显著提升 | 明显改善 … more than one reading: left for staff.
    rows, unsure = glued_indicators(HEADER + "效益指标(20分)社会效益指标群众生产生活条件改善状况10显著提升明显改善10")
    assert rows == [] and unsure == ["社会效益指标：群众生产生活条件改善状况10显著提升明显改善10"]


def test_a_value_written_twice_is_the_target_met():
    # 显著提升显著提升 and ≥1000人≥1000人: the same value in the target and the actual cell.
    rows, unsure = glued_indicators(HEADER + "效益指标(20分)社会效益指标受益人口数10≥1000人≥1000人9"
                                             "群众生产生活条件改善状况10显著提升显著提升10")
    assert not unsure
    assert [(r["name"], r.get("operator"), r["target"], r["actual"], r["weight"], r["score"]) for r in rows] == [
        ("受益人口数", "≥", 1000, "≥1000人", 10, 9), ("群众生产生活条件改善状况", "定性", "显著提升", "显著提升", 10, 10)]


def test_a_score_above_its_weight_or_a_digit_in_a_name_is_not_a_reading():
    rows, unsure = glued_indicators(HEADER + "产出指标数量指标培训人数5≥100人120人8")  # 8 > 5: no reading
    assert rows == [] and len(unsure) == 1
    assert glued_indicators("一级指标 二级指标 三级指标") == ([], [])  # not glued: flattened.py reads it


def test_a_long_hostile_run_is_read_in_one_pass():
    rows, unsure = glued_indicators(HEADER + "产出指标数量指标" + "指标1" * 600)
    assert rows == [] and len(unsure) == 1
    assert glued_indicators(HEADER + ("产出指标数量指标" + "测试名称10显著提升显著10" * 140) * 50) == (
        [], ["连在一起的指标表超过 20,000 字，未读"])


def test_a_money_block_run_together_is_cut_only_where_one_reading_fits():
    from generator.importers.glued_money import glued_money

    # p14: 20 | 20 | 10 | 100.00% | 10; 2020 under a total of 20 can only be 20 | 20.
    values, found, unsure = glued_money("项目资金(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10"
                                        "其中:本年财政拨款2020其他资金年度总体目标")
    assert values == {"budget": {"adjusted": 20, "executed": 20, "rate": 100},
                      "funds": [{"source": "本年财政拨款", "adjusted": 20, "executed": 20}]} and not unsure
    assert found[0] == "资金 年度资金总额：全年预算数 20、全年执行数 20、执行率 100（各格连在一起）"
    # Without a total to bound it, 5555 is 5 | 555, 55 | 55 or 555 | 5: left for staff.
    values, _, unsure = glued_money("全年预算数全年执行数其中:本年财政拨款5555")
    assert values == {} and unsure == ["资金 其中:本年财政拨款：5555"]


def test_the_total_score_after_a_run_together_table():
    from generator.importers.glued import glued_total

    assert glued_total(HEADER + "产出指标数量指标安装坡面水标尺10≥266米≥266米10总分100100注:") == 100
    assert glued_total(HEADER + "总分9590") == 90  # 95 | 90; 9 | 590 is no score
    assert glued_total(HEADER + "总分1010") == 10  # 101 | 0 is over 100, 1 | 010 has a leading zero
    assert glued_total(HEADER + "总分8090") is None  # 80 | 90: a score above the points; no other cut


def test_an_items_number_in_brackets_is_not_an_amount():
    # 南昌县 2021 (tests/corpus/d35): 资金来源:(1)财政拨款103.21% — (1) numbers the item.
    values, found, unsure = glued_money("整体支出规模全年预算数全年执行数执行率资金来源:(1)财政拨款103.21%资金结构:(1)基本支出103.21%")
    assert not any(f["source"].endswith(("(", "（")) for f in values.get("funds", []))
    assert not any("1.0" in f or "：1" in f for f in found)


def test_a_funds_row_with_fewer_amounts_than_columns_is_left_for_staff():
    # 上年结转资金00 under 年初 | 全年 | 执行: which of the three cells is empty cannot be told.
    values, found, unsure = glued_money("年初预算数全年预算数全年执行数分值执行率得分年度资金总额25250000250000215457.610"
                                        "上年结转资金00其他资金00")
    assert not values.get("funds") and {"资金 上年结转资金：00", "资金 其他资金：00"} <= set(unsure)


def test_amounts_printed_alike_settle_a_long_run():
    # 零陵 2021 (tests/corpus/d36): 2456.182456.182456.1810100%10 cuts many ways into amounts whose
    # ratio is 100%; only one gives every amount two decimals, as the form prints its column.
    values, found, unsure = glued_money("年度预算申请(万元)年初预算数全年预算数全年执行数分值执行率得分"
                                        "年度资金总额2456.182456.182456.1810100%10按收入性质分:2456.18")
    assert values["budget"] == {"initial": 2456.18, "adjusted": 2456.18, "executed": 2456.18, "rate": 100}


def test_beijings_money_block_with_its_weighed_header_and_its_rule_column():
    # 海淀区 2016 (tests/corpus/p26): 分值(10分) in the header, a last column 得分计算方法 holding the
    # rule (执行率*该指标分值,最高不得超过分值上限。), then the source's row after the rule's full stop.
    values, found, unsure = glued_money(
        "项目资金(万元) 年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分得分计算方法年度资金总额:310.2154.741050%5"
        "执行率*该指标分值,最高不得超过分值上限。其中:本年一般公共预算拨款 310.2154.74   其他资金     年度总体目标通过规范")
    assert values["budget"] == {"initial": 310.2, "executed": 154.74, "rate": 50}
    # 310.21 | 54.74 would also cut, but a source's amount is never above the total's.
    assert values["funds"] == [{"source": "本年一般公共预算拨款", "initial": 310.2, "executed": 154.74}] and not unsure


def test_hubeis_预算数_执行数_header_with_a_scan_broken_note():
    # p66 (襄阳, a .docx text layer): 预算数(A)执行数(B)执行率(B/A1得分(20分*执行率), the row 10001000100%20:
    # 1000 | 1000 | 100% | 20 (not 100010001 | 0 | 0% | 20, nor 10001000 | 10 | 0%, which no form prints).
    line = ("预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A1得分(20分*执行率)年度财政 资金总额10001000100%20"
            "度效标80> 年绩目1分级标")
    values, found, unsure = glued_money(line)
    assert values == {"budget": {"adjusted": 1000, "executed": 1000, "rate": 100}}
    assert found == ["资金 年度财政资金总额：全年预算数 1000、全年执行数 1000、执行率 100（各格连在一起）"]
    assert unsure == ["资金 度效标：80", "资金 >年绩目：1"]  # one amount under two amount columns: not read
    # A header that names a column twice (执行率(%)执行率权重…, d21) was not read whole: no money block.
    assert glued_money("年初预算数全年(调整)预算数全年执行数执行率(%)执行率权重执行率得分(分)O76%107.6") == ({}, [], [])


def test_a_transfer_payments_预算执行率_column_and_a_row_cut_into_nothing_spent():
    # p56 (广西): 全年预算数(A)全年执行数(B)预算执行率(B/A) over 21182118100%: 2118 | 2118 | 100%, not
    # 211821181 | 0 | 0%; the fund's row reads the same way under the total.
    values, _, unsure = glued_money("资金情况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A)年度资金总额:21182118100%"
                                    "其中:中央财政资金21182118100%地方资金其他资金总体目标完成情况")
    assert values == {"budget": {"adjusted": 2118, "executed": 2118, "rate": 100},
                      "funds": [{"source": "中央财政资金", "adjusted": 2118, "executed": 2118}]} and not unsure
    # A row of nothing spent has one reading, and it is read.
    values, _, _ = glued_money("全年预算数(A)全年执行数(B)预算执行率(B/A)年度资金总额:500000%总体目标")
    assert values == {"budget": {"adjusted": 5000, "executed": 0, "rate": 0}}


NO_POINTS = "一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施"  # p37's header: no 分值 or 得分


def test_a_name_with_figures_where_it_starts_the_run_and_the_target_met_twice():
    # p37's shape: 5000吨稻谷、500吨成品粮… — figures inside the first name of a run, read only because
    # no reading without them exists and one with them does.
    rows, unsure = glued_indicators(NO_POINTS + "产出指标数量指标5000吨稻谷、500吨成品粮储备到位率100%100%库存数量真实率100%100%"
                                                "效益指标可持续影响指标粮食储备设备维护及安全性高高"
                                                "满意度指标服务对象满意度指标安全事件发生数0起0起市民满意度调查90%100%说明无")
    assert not unsure
    assert [(r["name"], r["target"], r["actual"]) for r in rows] == [
        ("5000吨稻谷、500吨成品粮储备到位率", 100, 100), ("库存数量真实率", 100, 100),
        ("粮食储备设备维护及安全性", "高", "高"), ("安全事件发生数", 0, 0), ("市民满意度调查", 90, 100)]
    # 0起0起市民…: the target written twice is the actual too (not 0起 | 0起市 with a name 民满意度调查)
    assert rows[3]["unit"] == "起"


def test_a_name_with_figures_inside_a_run_or_one_word_said_once_is_not_guessed():
    # after a row, a digit may be the last cell's: a later name does not start with one (5次5次 | 2期…)
    rows, unsure = glued_indicators(NO_POINTS + "产出指标数量指标开展培训5次5次2期培训人数200人次200人次")
    assert rows == [] and len(unsure) == 1
    # 开展培训 | 5次 | 5次 | 第2期培训人数 … or one name 开展培训5次5次第2期培训人数: two readings, none taken
    rows, unsure = glued_indicators(NO_POINTS + "产出指标数量指标开展培训5次5次第2期培训人数200人次200人次")
    assert rows == [] and len(unsure) == 1
    rows, unsure = glued_indicators(NO_POINTS + "产出指标数量指标设备维护及安全性高低")  # 高 | 低: not written twice
    assert rows == [] and len(unsure) == 1
