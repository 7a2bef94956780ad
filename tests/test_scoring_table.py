"""Scoring tables (评分表) flattened into text (scoring_table.py): names, weights and scores under
levels that carry their points, and the points' sums that let a table check itself."""

from generator.importers import flattened
from generator.importers.scoring_table import scoring_rows


def test_a_pipe_table_with_a_序号_column_and_a_score_wrapped_onto_its_own_line():
    # 寿县 2023 (tests/corpus/d23): 指标解释 and 评分标准 between the weight and the score.
    rows, found, used, unsure = scoring_rows([
        "2023年度部门整体支出绩效评价自评表",
        "序号 | 一级 指标 |", "二级 指标 |", "三级 指标 |",
        "指标分值 | 指标解释 | 指标说明及评分标准 | 自评得分 |",
        "1 | 规划 (15分) |",
        "基础信息 (3分) | 基础信息 完整性 | 3 | 信息资料是否真实、完整。 | 1、基础数据信息是否真实(1分); |",
        "3 |",
        "2 | 工作计划 (6分) | 年度工作 计划完整性 | 3 | 是否完整可行。 | 年度工作计划是否完整可行(3分) | 2.5 | |",
        "3 | 年度工作 计划明确性 | 3 | 是否明确可操作。 | 年度工作计划是否明确可操作(3分) | 3 | ||"])
    assert [(r["level1"], r["level2"], r["name"], r["weight"], r["score"]) for r in rows] == [
        ("规划", "基础信息", "基础信息完整性", 3, 3), ("规划", "工作计划", "年度工作计划完整性", 3, 2.5),
        ("规划", "工作计划", "年度工作计划明确性", 3, 3)]
    assert "target" not in rows[0] and not unsure and min(used) == 1 and found == ["绩效指标（评分表）：3 行（第 2 行起）"]


def test_names_carrying_their_points_and_levels_broken_by_blanks():
    # tests/corpus/d26: no 分值 column; 部门决 策(25 分) broken by a PDF's blanks, the score on the next line.
    rows, _, _, unsure = scoring_rows([
        "2017 年部门整体支出绩效评价得分表 一级指 标 二级指标 三级指标 得分 部门决 策(25 分) 目标任务(15 分) 相关性(5 分)",
        "5 明确性(5 分)", "5 合理性(5 分)", "5 预算编制(10 分) 测算依据(5 分)", "2 目标管理(5 分)",
        "4 综合管 理(30 分) 专项资金分配时限(2 分) 省级财力专项预算分配时限(1 分)", "1 中央专款分配合规........"])
    assert [(r["level1"], r["level2"], r["name"], r["weight"], r["score"]) for r in rows] == [
        ("部门决策", "目标任务", "相关性", 5, 5), ("部门决策", "目标任务", "明确性", 5, 5),
        ("部门决策", "目标任务", "合理性", 5, 5), ("部门决策", "预算编制", "测算依据", 5, 2),
        ("部门决策", "预算编制", "目标管理", 5, 4), ("综合管理", "专项资金分配时限", "省级财力专项预算分配时限", 1, 1)]
    assert not unsure


def test_a_table_whose_weights_do_not_add_up_to_its_levels_points_is_left_for_staff():
    # A score cell left empty shifts every later value: the 二级 sums stop agreeing, so nothing is read.
    rows, found, used, unsure = scoring_rows([
        "一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 得分 |",
        "决策 (20分) | 目标 (10分) | 目标明确性 | 5 | 明确得5分 | |",
        "目标合理性 | 5 | 合理得5分 | 5 |",
        "预算 (10分) | 预算编制 | 10 | 科学得10分 | 10 |"])
    assert rows == [] and not found and used and "目标（10分，其下分值合计 5）" in unsure[0]


def test_a_form_of_targets_is_not_a_scoring_table():
    # 年度指标值 / 实际完成值 columns: the official forms, read by flattened.py, never by points.
    assert scoring_rows(["一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
                         "产出指标(50分) | 数量指标(20分) | 造林面积 | 10 | 1.2万亩 | 1.2万亩 | 10 |"])[0] == []


def test_the_flattened_form_reader_falls_back_to_a_scoring_table():
    values, found, _, _ = flattened.form_values([
        "一级指标 | 二级指标 | 三级指标 | 指标分值 | 评分标准 | 自评得分 |",
        "决策 (10分) | 目标 (10分) | 目标明确性 | 10 | 明确得10分 | 9 |", "总分 | 10 | | 9 |", "一、部门概况"])
    assert values["indicators"] == [{"level1": "决策", "level2": "目标", "name": "目标明确性", "weight": 10, "score": 9}]
    assert found == ["绩效指标（评分表）：1 行（第 1 行起）"]


def test_levels_with_their_points_in_columns_of_their_own():
    # tests/corpus/d60 (a Hunan 部门整体支出绩效评价指标表 from a PDF's text layer): 一级指标 | 得分 | 二级指标 |
    # 得分 | 三级指标 | 得分 | 评价标准 | 指标说明 | 得分, each level's points after it, a name in two
    # pieces, rules with their own numbers between a weight and its score, the last score cut off.
    lines = ["部门整体支出绩效评价指标表 一级指标 得分 二级指标 得分 三级指标 得分 评价标准 指标说明 得分 投入",
             "16 预算配置", "16 在职人员控制率", "8 以100%为标准.在职人员控制率Q100%,计8分;",
             "每超过一个百分点扣0.5分,扣完为止. 本单位2018年年末实际在职人员为136人,占编委核定的落实编制数143人的比率为95.10%.",
             "8 三公经费 变动率", "8 三公经费 变动率Q0,计8分;", "三公经费 >", "0,每超过一个百分点扣0.8分,扣完为止.",
             "0 过程", "58 预算执行", "16 预算完成率", "8 100%计满分,每低于5%扣2分,扣完为止. 计算本单位预算完成率99.27%.",
             "8 预算控制率", "8 预算控制率=0,计8分;", "0-10%(含),计6分;", "大于30%不得分 本年预算追加数为767.86万元"]
    rows, found, _, unsure = scoring_rows(lines)
    assert [(r["level1"], r["level2"], r["name"], r["weight"], r.get("score")) for r in rows] == [
        ("投入", "预算配置", "在职人员控制率", 8, 8), ("投入", "预算配置", "三公经费变动率", 8, 0),
        ("过程", "预算执行", "预算完成率", 8, 8), ("过程", "预算执行", "预算控制率", 8, None)]
    assert not unsure and found == ["绩效指标（评分表）：4 行（第 1 行起）"]
    # The levels' points check the rows: a 二级 of 16 over weights of 8 and 9 is not read.
    broken = [line.replace("8 三公经费", "9 三公经费") if "Q0" in line else line for line in lines]
    rows, _, _, unsure = scoring_rows(broken)
    assert rows == [] and "预算配置（16分，其下分值合计 17）" in unsure[0]


def test_a_number_inside_a_rule_is_no_score_and_an_empty_score_cell_leaves_the_next_rows_levels_alone():
    header = "一级指标 分值 二级指标 分值 三级指标 分值 评价标准 指标说明 得分"
    # 每超过 1 个百分点扣 0.5 分 (a text layer's blanks around digits): its numbers are the rule's.
    rows, _, _, _ = scoring_rows([header,
                                  "投入 20 预算配置 20 在职人员控制率 10 以百分之百为标准，计满分 反映人员控制情况 10",
                                  "三公经费变动率 10 三公经费变动率≤0，计满分 本年三公经费较上年下降 10",
                                  "过程 10 预算执行 10 结转结余变动率 10 结转结余变动率≤0计满分，每超过 1 个百分点扣 0.5 分，扣完为止"
                                  " 本年结转结余较上年增加2.3个百分点 8.85", "合计 30 28.85"])
    assert [(r["name"], r.get("score")) for r in rows] == [("在职人员控制率", 10), ("三公经费变动率", 10), ("结转结余变动率", 8.85)]
    # A row whose score cell is empty, the next line opening with its levels: 满意度 10 is no score.
    rows, _, _, _ = scoring_rows([header, "投入 20 预算配置 20 在职人员控制率 10 以100%为标准。 反映部门人员编制控制情况 10",
                                  "三公经费变动率 10 三公经费变动率≤0,计满分。 反映三公经费控制情况",
                                  "满意度 10 服务对象满意度 10 群众满意度 10 满意度≥90%计满分。 反映群众满意情况 9", "合计 40"])
    assert [(r["level1"], r["level2"], r["name"], r.get("score")) for r in rows] == [
        ("投入", "预算配置", "在职人员控制率", 10), ("投入", "预算配置", "三公经费变动率", None), ("满意度", "服务对象满意度", "群众满意度", 9)]


def test_a_自评分_column_before_the_explanations_and_levels_broken_over_lines():
    # 益阳 2018 (tests/corpus/d71): 三级指标 | 自评分 | 指标解释 | 指标说明, a cell per line, the points in brackets.
    rows, _, _, unsure = scoring_rows([
        "2018年度部门整体支出绩效自评指标计分表", "一级", "指标", "二级指标", "三级指标", "自评分", "指标解释", "指标说明",
        "投   入(20分)", "目标", "设定(5分)", "绩效目标合理性(2分)", "2",
        "部门所设立的整体绩效目标依据是否充分,是否符合客观实际。", "①符合国家法律法规计1分;②符合部门“三定”方案计0.5分。",
        "绩效指标明确性(3分)", "3", "部门依据整体绩效目标所设定的绩效指标是否清晰、细化、可衡量。", "①将部门整体的绩效目标细化计1分。",
        "预算", "配置(15分)", "在职人员控制率(5分)", "5", "部门本年度实际在职人员数与编制数的比率。", "小于或等于1计5分,否则按比例计分。",
        "“三公经费”", "变动率(5分)", "5", "部门本年度“三公经费”预算数"])
    assert [(r["level1"], r["level2"], r["name"], r["weight"], r["score"]) for r in rows] == [
        ("投入", "目标设定", "绩效目标合理性", 2, 2), ("投入", "目标设定", "绩效指标明确性", 3, 3),
        ("投入", "预算配置", "在职人员控制率", 5, 5), ("投入", "预算配置", "“三公经费”变动率", 5, 5)] and not unsure
