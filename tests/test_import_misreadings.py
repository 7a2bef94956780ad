"""Texts an attack review wrote against the importer's rules, each shaped like a real report, each
once read into a value the text does not state (or a narrative set aside, or minutes of work). The
draft must hold what the text says, or leave it out: never the misreading."""

from __future__ import annotations

from generator.importers import forms
from generator.importers.document import build_draft


def draft(tmp_path, *lines: str):
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return build_draft(path)


def test_a_title_naming_its_body_by_level_is_not_completed_from_its_own_year_or_a_neighbour(tmp_path):
    # 2023年度县司法局… gave 年度县司法局; 借鉴紫金县司法局的经验 (named once) gave 借鉴紫金县司法局.
    data = draft(tmp_path, "2023年度县司法局部门整体支出绩效自评报告", "一、部门基本情况", "本局内设股室5个。").data
    assert data["department"]["name"] == "县司法局"
    data = draft(tmp_path, "县司法局2023年度部门整体支出绩效自评报告", "一、部门基本情况", "本局内设股室5个。",
                 "二、工作开展情况", "全年赴邻县学习交流1次，借鉴紫金县司法局的“枫桥式司法所”建设经验。").data
    assert data["department"]["name"] == "县司法局"


def test_a_body_introduced_only_as_the_funder_is_not_the_unit(tmp_path):
    data = draft(tmp_path, "2023年度部门整体支出绩效自评报告", "一、部门基本情况", "我中心为全额拨款事业单位，内设科室4个。",
                 "二、预算执行情况", "云龙县财政局（以下简称“县财政局”）2023年初批复我中心预算386万元，年中县财政局追加预算40万元。"
                 "全年收到县财政局拨款426万元。").data
    assert "department" not in data


def test_a_budget_is_not_paired_with_an_execution_that_is_one_parts_or_a_budget_of_the_years_start(tmp_path):
    head = ("2023年度县农业农村局部门整体支出绩效自评报告", "一、部门基本情况", "县农业农村局内设股室8个。", "二、预算执行情况")
    data = draft(tmp_path, *head, "2023年年初批复的部门预算为1000万元,实际执行支出预算950万元,部门整体预算执行率为95%。"
                 "年中追加预算200万元。").data
    assert "adjusted" not in data.get("budget", {})
    data = draft(tmp_path, *head, "全年部门支出预算执行情况良好。其中，高标准农田建设专项预算安排500万元,专项实际支出480万元,执行率96%。").data
    assert "budget" not in data
    data = draft(tmp_path, *head, "上年结转资金预算安排300万元,本年使用结转资金270万元,执行率为90%。").data
    assert "budget" not in data


def test_the_departments_rate_followed_by_its_points_is_still_its_rate(tmp_path):
    data = draft(tmp_path, "2023年度县农业农村局部门整体支出绩效自评报告", "一、绩效指标完成情况",
                 "1.预算执行率100%，得20分。", "2.重点项目情况：高标准农田建设项目预算执行率86%，进度滞后，扣2分。").data
    assert data["budget"]["rate"] == 100


def test_a_budget_documents_year_columns_and_scoring_rules_are_no_year_and_no_score(tmp_path):
    data = draft(tmp_path, "县卫生健康局部门整体支出绩效自评报告", "一、预算编制情况", "项目 | 2023年决算数 | 2024年预算数 | 增减率",
                 "基本支出 | 820.5 | 860.0 | 4.8%", "二、2023年度部门整体支出绩效情况").data
    assert data["year"] == 2023
    for rule in ("本次自评采用百分制，自评分数100，为满分标准。", "自评得分90分（含）以上为优。", "自评得分90分—100分为优秀。"):
        data = draft(tmp_path, "县卫生健康局2023年度部门整体支出绩效自评报告", "一、自评工作开展情况", rule).data
        assert "result" not in data, rule


def test_a_sentence_or_a_header_after_the_project_label_is_no_project(tmp_path):
    for line in ("各单位在申报时须填写专项名称、预算数和绩效目标，经审核后下达。", "各单位在申报时须填写项目名称、预算数和绩效目标，经审核后下达。",
                 "专项名称 | 预算数（万元） | 执行数（万元） | 执行率"):
        data = draft(tmp_path, "县财政局2023年度专项资金绩效自评报告", "一、专项资金基本情况", line).data
        assert "project" not in data, line


def test_the_central_supervisor_run_into_the_local_one_is_not_the_unit(tmp_path):
    data = draft(tmp_path, "2022年度转移支付绩效自评表", "转移支付（项目）名称 农村饮水安全巩固提升",
                 "中央主管部门水利部地方主管部门宁夏回族自治区水利厅资金使用单位各县（区）水务局").data
    assert data["department"]["name"] == "宁夏回族自治区水利厅"


def test_hebeis_paired_amounts_only_under_their_header_and_by_its_column(tmp_path):
    # A department's report quoting one project's line: not the department's money.
    data = draft(tmp_path, "成安县民政局2020年度部门整体支出绩效自评报告", "一、部门预算执行情况",
                 "2020年部门预算执行情况良好，其中重点项目执行情况如下：", "高龄津贴项目",
                 "预算数 6.84 到位数 6.84 执行数 6.84 100.00", "其中:财政资金 6.84 其中:财政资金 6.84 其中:财政资金 6.84").data
    assert "adjusted" not in data.get("budget", {}) and "funds" not in data
    # Under 年初预算安排情况 the amount is the 年初预算数.
    data = draft(tmp_path, "成安县教育局2021年度预算项目绩效自评表", "一、基本情况 项目名称: 学生营养餐补助 金额单位: 万元",
                 "二、预算执行情况 年初预算安排情况 资金到位情况 资金执行情况 预算执行进度(%)",
                 "预算数 50.00 到位数 48.00 执行数 45.00 90.00").data
    assert data["budget"] == {"initial": 50, "executed": 45, "rate": 90}


def test_a_line_of_60000_digits_or_blanks_is_no_amount(tmp_path):
    # Cutting it into an amount and a rate was quadratic (1 min 51 s; bench.import_speed measures the
    # importer's time) and a run of 400 digits became infinity.
    header = "二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)"
    for tail in ("1" * 60_000, "1" + " " * 60_000 + "x"):
        data = draft(tmp_path, "河北省某县2020年度预算项目绩效自评表", header, "预算数1到位数1执行数" + tail).data
        assert data.get("budget", {}).get("executed") in (None, 1)


# ---- a second review, against the rules added after d58–d63 and p64–p69 joined development ----

def test_a_money_table_of_三公经费_or_of_spending_items_under_a_bare_预算数_header_is_not_the_forms(tmp_path):
    head = ("某某县市场监督管理局2022年度部门整体支出绩效自评报告", "一、部门基本情况", "2022年度本部门支出合计1792.3万元。",
            "二、三公经费使用情况")
    tail = ("三、绩效自评结论", "本部门2022年度整体支出绩效自评得分92分，等级为优。")
    for table in (["三公经费支出情况表(单位:万元)项目预算数执行数执行率合计302583.33%公务接待费10550%公务用车运行维护费2020100%"],
                  ["三公经费支出情况表(单位:万元)", "项目  预算数  执行数  执行率", "合计  30  25  83.33%", "公务接待费  10  5  50%"],
                  ["支出明细(万元)支出项目预算数执行数执行率人员经费1200118098.33%公用经费15014093.33%"]):
        data = draft(tmp_path, *head, *table, *tail).data
        assert "budget" not in data and "funds" not in data, table


def test_a_run_together_row_of_few_digits_that_cuts_into_spent_in_full_or_nothing_spent_is_left_for_staff(tmp_path):
    # 33100%: 3 | 3 | 100%, or 331 | 0 | 0% (the project not begun): which, the digits cannot tell.
    result = draft(tmp_path, "2023年度某某县乡村振兴衔接资金项目绩效自评表", "项目名称：某某村道路硬化项目",
                   "全年预算数(A)全年执行数(B)预算执行率(B/A)年度资金总额:33100%其中:财政拨款33100%",
                   "偏差原因：项目因征地问题未开工，资金尚未拨付。")
    assert "budget" not in result.data and "funds" not in result.data
    # The points settle it where the form has them: 551 | 0 | 0% | 10 | 0 scores 0 of 10, 5 | 5 | 100% | 10 | 0 would not.
    result = draft(tmp_path, "2021年度农村饮水安全巩固提升工程绩效自评表", "项目名称：农村饮水安全巩固提升工程",
                   "预算数(A)执行数(B)执行率(B/A)分值得分年度资金总额:55100%100", "说明：项目受汛期影响未实施，预算执行率得分为0分。")
    assert result.data["budget"] == {"adjusted": 551, "executed": 0, "rate": 0}
    assert "score" not in result.data.get("result", {})  # one indicator's 得分为0分 is not the report's


def test_经费_and_部门绩效自评_in_a_title_and_a_cited_forms_name_do_not_decide_the_kind(tmp_path):
    data = draft(tmp_path, "某某县老干部局2021年度经费使用绩效自评报告", "一、部门基本情况", "我局为县委工作部门，内设股室3个。",
                 "二、部门整体支出情况", "2021年度我局支出合计280.1万元。").data
    assert data["kind"] == "department"
    data = draft(tmp_path, "某某县2022年度农村综合改革转移支付资金部门绩效自评报告", "一、项目基本情况",
                 "2022年下达资金520万元，实际支出516万元，预算执行率99.23%。").data
    assert data["kind"] == "project"
    data = draft(tmp_path, "根据湖南省财政厅印发的《部门整体支出绩效评价指标表》和《项目支出绩效评价指标表》要求，"
                           "我局对农村公路安全生命防护工程开展了绩效自评。", "项目名称：农村公路安全生命防护工程", "一、项目基本情况",
                 "该项目2021年下达资金350万元，实际支出350万元。").data
    assert data["kind"] == "project" and data["project"]["name"] == "农村公路安全生命防护工程"
    data = draft(tmp_path, "根据县财政局《关于开展2022年度绩效自评工作的通知》要求，我局认真开展了2022年度部门绩效自评工作，"
                           "对农村公路养护项目进行了自评，现将有关情况说明如下：", "一、项目概况", "农村公路养护项目2022年实际支出176万元。").data
    assert data["kind"] == "project"


def test_指标金额_said_twice_an_indicators_cap_or_last_years_and_a_date_after_是_are_no_budget(tmp_path):
    data = draft(tmp_path, "某某县2020年度农村危房改造补助资金绩效自评报告", "一、项目基本情况",
                 "2020年度该项目资金分两批下达：第一批,指标金额60万元；第二批,指标金额50万元，共计110万元。").data
    assert data["budget"]["adjusted"] == 110
    data = draft(tmp_path, "某某县2021年度农村饮水安全维修养护经费绩效自评报告", "一、项目基本情况", "全年实际支出78.5万元。",
                 "二、绩效指标完成情况", "成本指标:指标金额50万元以内，实际维修成本46万元，达到目标。").data
    assert "adjusted" not in data["budget"]
    data = draft(tmp_path, "某某县2021年度村级组织运转经费绩效自评报告", "一、基本情况",
                 "2020年指标金额30万元结转至本年继续使用，2021年度县财政另行下达村级组织运转经费120万元。").data
    assert data["budget"]["adjusted"] == 120
    data = draft(tmp_path, "某某县卫生健康局2022年度部门整体支出绩效自评报告", "一、部门整体支出情况",
                 "本年度支出合计2350.6万元，基本支出是1-12月在职人员工资，项目支出是8月份追加的疫情防控经费。",
                 "全年执行数是12月31日财政决算数据。").data
    assert data["spending"] == {"total": 2350.6} and "budget" not in data


def test_bare_预算数_and_执行数_cells_read_only_each_with_its_own_amount(tmp_path):
    # Two labels, then two amounts: which is which, the cells do not say.
    data = draft(tmp_path, "食品监管补助资金区域绩效目标自评表", "", "专项名称", "", "食品监管补助资金", "", "预算执行情况", "",
                 "预算数:", "", "执行数:", "", "2.38", "", "2.10", "", "分值", "", "20").data
    assert "budget" not in data
    # 执行数: then an empty cell (a line of blanks), then the points.
    data = draft(tmp_path, "计划生育转移支付区域绩效目标自评表", "专项名称", "计划生育转移支付资金", "预算执行情况",
                 "预算数:", "56.8", "执行数:", " ", "20", "其中:中央补助").data
    assert "executed" not in data.get("budget", {})


def test_a_note_in_brackets_after_the_units_name_is_not_part_of_it(tmp_path):
    data = draft(tmp_path, "部门整体支出绩效自评表", "(2022年度)", "部门(单位)名称：某某县卫生健康局(含县疾病预防控制中心)",
                 "一、部门整体支出情况", "全年预算数为1520.3万元。").data
    assert data["department"]["name"] == "某某县卫生健康局"


# ---- a third review, against the rules added from the development documents d70–d75 and p76–p81 ----

def test_a_data_sheet_without_the_years_own_预算_and_决算_columns_and_a_sangong_or_project_list_table_are_no_money(tmp_path):
    data = draft(tmp_path, "示例市文化旅游广电局2022年度部门整体支出绩效自评报告", "附件1", "部门整体支出绩效评价基础数据表",
                 "经费控制情况(万元)", "2021年决算数", "2022年预算数", "支出总额", "1274.38", "1342.49",
                 "基本支出", "606.44", "719.99").data
    assert "budget" not in data and "spending" not in data
    data = draft(tmp_path, "示例县水利局2023年度部门整体支出绩效自评报告", "一、部门基本情况", "近两年部门支出情况如下（单位：万元）：",
                 "项目 2021年决算数 2022年决算数", "支出总额 1274.38 1342.49", "基本支出 606.44 719.99", "项目支出 667.94 622.50").data
    assert "budget" not in data and "spending" not in data
    data = draft(tmp_path, "示例区民政局2022年度部门整体支出绩效自评报告", "一、“三公”经费控制情况",
                 "项目 | 年初预算 | 实际支出金额 | 执行率 |", "公务接待费 | 3.00 | 2.10 | 70% |", "合计 | 11.00 | 8.50 | 77.27% |",
                 "二、存在的问题", "预算编制的精准度有待提高。").data
    assert "budget" not in data and "funds" not in data


def test_a_sheets_spending_row_given_for_two_years_is_left_for_staff(tmp_path):
    result = draft(tmp_path, "示例市林业局部门整体支出绩效自评报告", "部门整体支出绩效自评基础信息表", "按方向划分 |", "资金使用方向 |",
                   "安排年度 |", "实际下达额度 |", "实际支出金额 | |||", "基本支出 |", "2022 |", "2465.39 |", "2465.39 | |||||",
                   "基本支出 |", "2021 |", "2300.5 |", "2300.5 | |||||", "1-2:评价人员(最少3位) | |||||||")
    assert "basic" not in result.data.get("spending", {}) and any("出现两次" in u for u in result.doubtful.get("表格行", []))


def test_a_list_numbered_一_二_三_inside_a_run_together_line_is_no_heading(tmp_path):
    line = ("示例县农业农村局2022年度乡村产业发展专项资金绩效自评报告一、基本情况2022年共下达资金600万元，主要用于推进一、二、三产业融合发展"
            + "，严格执行资金管理办法" * 20 + "。二、存在的问题部分项目进度偏慢。三、改进措施加强项目调度。")
    data = draft(tmp_path, line).data
    assert "一、二、三产业" in str(data) and [s["title"][:4] for s in data["sections"]][:3] == ["基本情况", "存在的问", "改进措施"]


def test_a_group_of_schools_or_the_rooms_funded_are_no_unit_and_关于_does_not_hide_the_year(tmp_path):
    data = draft(tmp_path, "示例县城区中小学专项资金绩效自评报告", "一、项目基本情况", "2022年县财政安排城区中小学校舍维修专项资金200万元。").data
    assert "department" not in data
    data = draft(tmp_path, "示例县村卫生室专项资金绩效自评报告", "一、项目基本情况", "2022年县卫生健康局共下达村卫生室运行补助专项资金120万元。").data
    assert "department" not in data
    data = draft(tmp_path, "关于2022年城乡居民基本养老保险补助资金绩效自评的报告", "示例县人力资源和社会保障局", "一、项目基本情况",
                 "城乡居民基本养老保险制度自2014年起在我县全面实施。").data
    assert data["year"] == 2022
    data = draft(tmp_path, "2022年示例县农村公路养护项目绩效自评报告", "一、项目基本情况", "2022年下达农村公路养护资金300万元。",
                 "附件：2023年度项目支出绩效目标自评表（空表，随后上报）").data
    assert data["year"] == 2022


def test_one_parts_budget_how_the_money_went_a_年初_nil_and_三公_figures_are_not_the_years(tmp_path):
    data = draft(tmp_path, "示例县2022年度农民职业技能培训项目绩效自评报告", "一、项目基本情况", "本项目计划投资300万元，培训农民3000人次。",
                 "其中，师资经费预算60万元，主要用于聘请授课教师。").data
    assert "adjusted" not in data.get("budget", {})
    data = draft(tmp_path, "示例县2022年度农村危房改造补助资金绩效自评报告", "一、项目基本情况",
                 "2022年共下达农村危房改造补助资金1000万元。其中,已拨付资金600万元,待拨付资金400万元。").data
    assert "funds" not in data
    data = draft(tmp_path, "示例县气象局2022年度部门整体支出绩效自评报告", "一、部门基本情况",
                 "2022年年初预算安排基本支出150万元,无项目支出;年中追加人工影响天气专项经费50万元,已全部支出。").data
    assert "project" not in data.get("spending", {})
    data = draft(tmp_path, "示例县审计局2022年度部门整体支出绩效自评报告", "一、部门预算收支情况",
                 "“三公”经费预算12万元，实际支出9.8万元，较上年减少1.2万元。").data
    assert "spending" not in data and "budget" not in data
    # … while a 其中 after a sentence about spending still gives its parts.
    data = draft(tmp_path, "示例县交通运输局2022年度部门整体支出绩效自评报告", "一、部门基本情况",
                 "2022年全年支出1180万元，占全年预算的98.3%。其中，基本支出790万元，项目支出390万元。").data
    assert data["spending"]["basic"] == 790 and data["spending"]["project"] == 390


def test_a_form_in_元_and_a_narrative_in_万元_leave_the_unit_doubtful_naming_both(tmp_path):
    result = draft(tmp_path, "某某区2021年度食品安全监管补助资金绩效自评报告", "一、资金使用情况",
                   "本项目全年预算数2.38万元，全年执行数2.38万元。", "二、附表", "区域绩效目标自评表(金额单位:元)",
                   "预算数:", "23800", "执行数:", "23800")
    assert "unit" not in result.data
    assert result.doubtful["金额单位"][0] == "元（第 5 行）" and result.doubtful["金额单位"][1].startswith("万元（第 3 行）")
    assert not any(m.startswith("金额单位") for m in result.missing)


# ---- a fourth review, against the rules added from d64–d69 and p70–p75 and the held-out set's first run ----

def assert_no_budget_of_receipts(tmp_path, head: tuple, line: str) -> None:
    data = draft(tmp_path, *head, line).data
    assert "funds" not in data and not {"initial", "adjusted"} & set(data.get("budget", {})), line


def test_a_budget_of_receipts_is_the_bodys_own_planned_one(tmp_path):
    head = ("示例县示例局2023年度部门整体支出绩效自评报告", "一、部门基本情况")
    # a government's revenue, a subordinate's, a project's, what came in, an addition: no budget, no funds
    for line in ("2023年全县一般公共预算收入85000万元，其中税收收入60000万元、非税收入25000万元。",
                 "2023年全县非税收入预算3000万元，其中国有土地使用权出让收入2500万元、矿产资源专项收入500万元。",
                 "所属示例市全民健身中心收入预算50万元，其中财政拨款收入30万元、事业收入20万元。",
                 "农村公路养护项目年中调整预算50万元，其中一般公共预算财政拨款收入30万元、上年结转20万元。",
                 "2023年全年实现预算收入620万元，其中财政拨款收入580万元、其他收入40万元。",
                 "年内追加调整预算80万元，其中一般公共预算财政拨款收入70万元、上级补助收入10万元。",
                 "2023年初预算收入300万元，其中基本支出拨款200万元、项目支出拨款100万元。"):
        assert_no_budget_of_receipts(tmp_path, head, line)
    # two years' budgets, each in a sentence of its own: the report's year (2023) is the one read
    data = draft(tmp_path, *head, "2022年收入预算8000万元，其中一般公共预算财政拨款收入7000万元、事业收入1000万元；"
                 "2023年收入预算9500万元，其中一般公共预算财政拨款收入8200万元、事业收入1300万元。").data
    assert data["budget"] == {"adjusted": 9500}
    assert {f["source"]: f.get("adjusted") for f in data["funds"]} == {"一般公共预算财政拨款收入": 8200, "事业收入": 1300}
    # … and in one sentence, which is the report's a person says
    data = draft(tmp_path, *head, "收入预算2022年8000万元，其中一般公共预算财政拨款收入7000万元、事业收入1000万元，"
                 "2023年9500万元，其中一般公共预算财政拨款收入8200万元、事业收入1300万元。").data
    assert "budget" not in data and "funds" not in data
    # 年初 said earlier in the sentence, 调整 said of the second total
    data = draft(tmp_path, *head, "根据年初部门预算批复，2023年我馆收入预算100万元，其中一般公共预算财政拨款收入60万元、事业收入40万元。"
                 "年中根据工作需要，在年初预算基础上调整预算120万元，其中一般公共预算财政拨款收入75万元、事业收入45万元。").data
    assert data["budget"] == {"initial": 100, "adjusted": 120}


def test_spending_parts_of_another_year_body_or_addition_and_two_years_figures_are_not_the_years(tmp_path):
    head = ("示例县示例局2023年度部门整体支出绩效自评报告", "一、部门基本情况", "2023年年初预算支出500万元，其中：基本支出380万元，项目支出120万元。")
    for line in ("上年决算支出480万元，其中：基本支出150万元，项目支出330万元。",
                 "下属示例县第一中学决算支出620万元，其中基本支出540万元，项目支出80万元。",
                 "根据决算报表，年中追加基本支出20万元，项目支出45万元。",
                 "2024年预算支出合计560万元，其中：基本支出400万元，项目支出160万元。",
                 "2023年全年支出中，所属示例县公务用车服务站基本支出95万元。"):
        data = draft(tmp_path, *head, line).data
        assert "basic" not in data.get("spending", {}) and "project" not in data.get("spending", {}), line
    data = draft(tmp_path, "示例县林业局2023年度部门整体支出绩效自评报告", "一、部门支出情况",
                 "2022年度基本支出320.5万元，2023年度基本支出351.2万元，同比增长9.6%。",
                 "我局2022年共支出980万元，2023年共支出1211.89万元。").data
    assert "spending" not in data
    data = draft(tmp_path, "示例县统计局2023年度部门整体支出绩效自评报告", "一、部门支出情况", "预计2024年共支出230万元。",
                 "截至2023年共支出3500万元。").data
    assert "spending" not in data and "budget" not in data


def test_a_part_or_another_bodys_spending_is_not_the_units(tmp_path):
    head = ("示例县示例局2023年度部门整体支出绩效自评报告", "一、部门支出情况")
    for line in ("“送戏下乡”项目支出12万元。", "关爱青少年项目支出8.5万元。", "下属单位项目支出980.2万元。",
                 "2023年政府采购预算120万元，支出118万元。"):
        data = draft(tmp_path, *head, line).data
        assert "project" not in data.get("spending", {}) and "total" not in data.get("spending", {}), line
    data = draft(tmp_path, "示例县高标准农田建设项目2023年度绩效自评报告", "一、项目资金情况",
                 "项目资金共300万元，其中中央资金200万元，支出180万元；省级资金100万元，支出100万元。").data
    assert "executed" not in data.get("budget", {})


def test_sources_are_where_money_comes_from_each_named_once(tmp_path):
    data = draft(tmp_path, "示例县农机购置补贴项目2023年度绩效自评报告", "一、项目资金情况",
                 "下达资金300万元，其中设备购置资金200万元，人员培训资金100万元。").data
    assert "funds" not in data
    data = draft(tmp_path, "示例县农村饮水安全巩固提升工程项目2023年度绩效自评报告", "一、项目资金情况",
                 "下达资金200万元，其中中央资金（已到位）150万元，中央资金（未到位）50万元。").data
    assert "funds" not in data


def test_indicator_targets_a_code_before_定性_a_unit_said_twice_a_scale_and_a_date(tmp_path):
    head = ["项目支出绩效自评表 | |||", "项目名称 | 示例森林防火经费 | ||",
            "绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | ||",
            "一级 指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | ||"]
    rows = draft(tmp_path, *head,
                 "产出指标 | 数量指标 | 带动产值增加 | 004 >= | 1亿 | 亿元 | 1.2亿 | 20.00 | 20.00 | ||",
                 "产出指标 | 数量指标 | 改善灌溉面积 | 004 >= | 1万 | 亩 | 12000 | 20.00 | 20.00 | ||").data["indicators"]
    assert (rows[0]["unit"], rows[0]["actual"]) == ("亿元", 1.2)  # 亿 said twice is 亿元 once; 1.2亿 is 1.2 of them
    assert (rows[1]["unit"], rows[1]["actual"]) == ("万亩", "12000")  # 12000 of what scale, the row does not say
    assert forms.target_parts("2023年12月底前") == ("定性", "2023年12月底前", None)  # a date, not 2023 in 年12月底前
    rows = draft(tmp_path, *head, "效益指标 | 社会效益 | 群众防火意识 | 006 定性 | 明显提高 | 明显提高 | 20.00 | 20.00 | ||").data["indicators"]
    assert (rows[0]["operator"], rows[0]["target"]) == ("定性", "明显提高")


def test_titles_and_opening_sentences_of_letters_and_campaigns(tmp_path):
    data = draft(tmp_path, "关于示例县民政局2023年度部门预算执行情况绩效自评报告", "一、部门基本情况", "示例县民政局内设机构6个。").data
    assert data["department"]["name"] == "示例县民政局"
    data = draft(tmp_path, "示例市教育局", "按照省财政厅统一部署，市财政局组织开展了2024年度省对下转移支付资金绩效自评工作。",
                 "我局对2024年度城乡义务教育补助经费进行了自评。", "一、项目概况").data
    assert data["project"]["name"] == "城乡义务教育补助经费"
    data = draft(tmp_path, "按照县财政局要求，我局组织开展了2024年度农业相关转移支付资金绩效自评工作。", "一、耕地地力保护补贴资金基本情况").data
    assert "project" not in data


def test_a_list_run_into_its_header_gives_no_rate_and_a_line_of_bars_no_title(tmp_path):
    data = draft(tmp_path, "示例省财政厅2023年度专项转移支付绩效自评报告",
                 "序号各设区市名称全年预算数全年执行数预算执行率自评得分1示例市500.00491.6598.33%952示例二市300.00300.00100.00%98").data
    assert "rate" not in data.get("budget", {})
    data = draft(tmp_path, "示例局2023年度绩效自评报告", "|" * 5000, "一、部门基本情况", "我局内设机构3个。").data
    assert data["title"] == "示例局2023年度绩效自评报告"


# ---- a fifth review, against the fourth's mends ----

def test_receipts_of_another_kind_year_or_column(tmp_path):
    head = ("示例县示例局2023年度部门整体支出绩效自评报告", "一、部门基本情况")
    for line in ("我局负责统筹的教育费附加收入预算5000万元，其中城市教育费附加收入3000万元、地方教育附加收入2000万元。",
                 "上年收入预算1800万元，其中一般公共预算财政拨款收入1500万元、事业收入300万元。",
                 "年初收入预算600万元，其中局机关收入420万元、示例中心收入180万元。"):
        assert_no_budget_of_receipts(tmp_path, head, line)
    data = draft(tmp_path, *head, "2022年年中调整预算收入8200万元，其中一般公共预算财政拨款收入7900万元、事业收入300万元。"
                 "2023年初我厅收入预算9000万元，其中一般公共预算财政拨款收入8600万元、事业收入400万元。").data
    assert "funds" not in data
    data = draft(tmp_path, *head, "按照年初部门预算批复和年中调整情况，2023年全年收入预算320万元，其中一般公共预算财政拨款收入300万元、事业收入20万元。").data
    assert data["budget"] == {"adjusted": 320}
    data = draft(tmp_path, *head, "2023年机构改革调整后我局年初收入预算500万元，其中一般公共预算财政拨款收入450万元、上级补助收入50万元。").data
    assert data["budget"] == {"initial": 500}


def test_spending_of_a_body_in_the_department_or_given_by_year_before_其中(tmp_path):
    head = ("示例县示例局2023年度部门整体支出绩效自评报告", "一、部门支出情况")
    data = draft(tmp_path, *head, "局机关基本支出500万元，示例中心基本支出100万元，合计基本支出600万元；项目支出全部为局机关支出，共计250万元。").data
    assert data["spending"]["basic"] == 600 and "budget" not in data
    for line in ("所属示例中心2023年项目支出200万元。", "所属示例中心2023年度决算支出300万元，其中基本支出200万元，项目支出100万元。"):
        data = draft(tmp_path, *head, line).data
        assert "basic" not in data.get("spending", {}) and "project" not in data.get("spending", {}), line
    # two years' figures, each in a sentence of its own: the report's year (2023) is the one read
    data = draft(tmp_path, *head, "2022年度部门决算支出1100万元，其中：基本支出800万元，项目支出300万元；"
                 "2023年度部门决算支出1200万元，其中：基本支出850万元，项目支出350万元。").data
    assert data["spending"] == {"total": 1200, "basic": 850, "project": 350}
    # a comparison with last year is no second year's figure
    data = draft(tmp_path, *head, "2023年基本支出850万元，较2022年基本支出800万元增加50万元。").data
    assert data["spending"]["basic"] == 850


def test_an_items_a_sources_or_a_listed_things_budget_and_rate_are_not_the_units(tmp_path):
    head = ("示例县示例局2023年度部门整体支出绩效自评报告", "一、部门预算执行情况", "2023年我局部门决算支出650.8万元，预算执行率96.5%。")
    for line in ("会议费预算3万元，支出2.8万元；培训费预算5万元，支出4.6万元。",
                 "公务用车运行维护费全年预算数为12万元，执行数为11.5万元，完成预算的95.83%。",
                 "培训费预算5万元，实际支出4.6万元，执行率92%。",
                 "1.办公楼维修：年初预算50万元，全年执行48万元。"):
        data = draft(tmp_path, *head, line).data
        assert data["spending"] == {"total": 650.8} and data["budget"] == {"executed": 650.8, "rate": 96.5}, line
    data = draft(tmp_path, "示例县农村饮水安全巩固提升项目2023年度绩效自评报告", "一、项目概况",
                 "2023年下达项目资金200万元，其中中央资金150万元，执行率100%；县级资金50万元，执行率90%。",
                 "另外，县级配套资金50万元，支出45万元。").data
    assert data["budget"] == {"adjusted": 200}


def test_titles_campaigns_and_targets_that_name_no_unit_project_or_year(tmp_path):
    data = draft(tmp_path, "关于对示例市示例局2022年度项目支出绩效自评报告", "一、项目概况", "项目资金80万元。").data
    assert data["department"]["name"] == "示例市示例局"
    data = draft(tmp_path, "示例县农业农村局", "按照县财政局统一部署，我局组织开展了2023年度本部门项目支出绩效自评工作，共对12个项目开展了自评。",
                 "一、总体情况", "12个项目年初预算合计1500万元。").data
    assert "project" not in data
    data = draft(tmp_path, "项目支出绩效自评表 | |||", "项目名称 | 示例乡村道路养护经费 | ||",
                 "绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | ||",
                 "一级 指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | ||",
                 "产出指标 | 时效指标 | 项目完工年度 | 005 <= | 2025 | 年 | 2025 | 10.00 | 10.00 | ||").data
    assert "year" not in data


# ---- a sixth review, against the fifth's mends ----

def test_an_items_clauses_go_but_the_wholes_stay(tmp_path):
    head = ("示例县示例局2023年度部门整体支出绩效自评报告", "一、部门预算情况")
    data = draft(tmp_path, *head, "本部门全年预算数1500万元，其中公务用车运行维护费全年预算数12万元，全年支出1480万元。",
                 "2022年全年支出1390万元。").data
    assert data["spending"]["total"] == 1480 and data["budget"]["adjusted"] == 1500
    # numbered items named for what they are give nothing; the whole, numbered too, still counts
    data = draft(tmp_path, *head, "1.免费开放：资金预算60万元，支出58万元。", "2.全民健身：预算50万元，执行率96%。",
                 "3.整体情况：本年度支出合计900万元，其中基本支出700万元，项目支出200万元。").data
    assert data["spending"] == {"total": 900, "basic": 700, "project": 200} and "budget" not in data


def test_part_of_the_year_or_a_forecast_gives_no_spending_parts(tmp_path):
    head = ("示例县示例局2023年度部门整体支出绩效自评报告", "一、预算执行")
    data = draft(tmp_path, *head, "截至2023年6月底，基本支出400万元，项目支出100万元。",
                 "全年支出1500万元，其中基本支出900万元，项目支出600万元。").data
    assert data["spending"] == {"total": 1500, "basic": 900, "project": 600}
    data = draft(tmp_path, *head, "预计2024年基本支出500万元，项目支出300万元。", "全年支出780万元。").data
    assert data["spending"] == {"total": 780}
    # 截至12月31日 is the whole year
    data = draft(tmp_path, *head, "截至12月31日，本年支出合计1200万元，其中基本支出850万元，项目支出350万元。").data
    assert data["spending"] == {"total": 1200, "basic": 850, "project": 350}
    # 我馆 is the unit itself, 示例中心 one of its parts
    data = draft(tmp_path, "示例县档案馆2023年度部门整体支出绩效自评报告", "一、预算执行", "2023年我馆基本支出150万元。").data
    assert data["spending"]["basic"] == 150
