"""Where a document's narrative lands: headings run into one line, reports numbered from （一） or 1.,
the opening paragraphs (intro), a cover page's fields, and the form's 年度总体目标 block. Shapes
taken from tests/corpus (d11, d07, d15, d18); the texts here are short stand-ins."""

from __future__ import annotations

from generator import derive, render
from generator.importers.document import PAGE_SECTION, build_draft
from generator.importers.flattened import form_values
from generator.loading import load


def draft(tmp_path, text: str) -> dict:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return build_draft(path).data


def test_headings_run_into_one_long_line_are_found(tmp_path):
    # A PDF's text layer (d11): the whole report on one line, headings inside it after a blank.
    body = ("2021 年示例市发展和改革局整体支出 绩效自评报告 根据通知要求，我单位认真开展自评工作。现将报告如下: "
            "一、部门基本情况 (一)部门职能 我局负责拟订和组织实施全市国民经济和社会发展战略。" + "规划编制。" * 40
            + " (二)设置机构及人员情况 我局设 17 个内设机构。 二、部门整体支出情况 2021 年支出 833.84 万元。")
    data = draft(tmp_path, body)
    assert [s["title"] for s in data["sections"]] == ["部门基本情况", "部门整体支出情况"]
    assert [i["title"] for i in data["sections"][0]["items"]] == ["部门职能", "设置机构及人员情况"]
    assert data["intro"].startswith("2021 年示例市") and "未归类内容" not in str(data["sections"])


def test_a_report_numbered_from_digits_has_its_sections_and_its_intro(tmp_path):
    # d07: no 一、 heading at all; the opening paragraphs come before 1.部门主要职能职责.
    data = draft(tmp_path, "\n".join([
        "为提升预算绩效管理水平，根据通知要求，对我局2020年度部门整体支出进行绩效评价。现将自评情况报告如下：",
        "示例市交通运输局是全市主管交通运输工作的行政机关。",
        "1.部门主要职能职责",
        "负责全市水、陆交通行业管理。",
        "2.部门整体支出情况",
        "全年支出 100 万元。"]))
    assert [s["title"] for s in data["sections"]] == ["部门主要职能职责", "部门整体支出情况"]
    assert data["intro"].count("\n") == 1 and data["sections"][0]["text"] == "负责全市水、陆交通行业管理。"


def test_a_cover_pages_fields_are_kept_apart_not_joined_to_the_text(tmp_path):
    # d15 / d02 (承德市): 评价类型 / 部门(单位)全称 / 审核意见 / 填报日期 lines, then the report.
    data = draft(tmp_path, "\n".join([
        "评价类型: 项目实施过程评价 项目完成结果评价",
        "部门(单位)全称:示例县人民法院(公章)",
        "主管部门审核意见:",
        "填报日期 2024 年 2月27日",
        "示例县人民法院2023年部门整体支出绩效评价报告",
        "一、部门概况",
        "本院内设机构 10 个。"]))
    cover = next(s for s in data["sections"] if s["title"] == PAGE_SECTION)
    assert [i["text"] for i in cover["items"]][:3] == ["评价类型: 项目实施过程评价 项目完成结果评价",
                                                        "部门(单位)全称:示例县人民法院(公章)", "主管部门审核意见:"]
    assert "未归类内容" not in [s["title"] for s in data["sections"]]


def test_the_forms_goal_block_is_read_only_when_its_cells_are_as_many_as_its_columns():
    head = ["项目 | 年初预算数 | 全年预算数 | 全年执行数 |", "年度资金总额 | 5 | 5 | 5 |"]
    values, found, _, _ = form_values(head + [
        "年度总体目标 | 年初设定目标 | 年度总体目标完成情况 |", "落实39户奖补政策 | 已落实39户 |", "绩效指标 | 一级指标 |"])
    assert values["goals"] == [{"goal": "落实39户奖补政策", "completion": "已落实39户"}]
    assert "年度目标：1 项（第 4 行）" in found
    # The goal broken over three lines (d06): which lines are the goal and which the completion is unknown.
    values, _, _, _ = form_values(head + ["年度总体目标", "预期目标", "实际完成情况", "目标1:造林", "目标2:抚育",
                                          "目标1:造林", "目标2:抚育", "一级指标"])
    assert "goals" not in values
    # The form's help text is not a goal.
    values, _, _, _ = form_values(head + ["年初设定目标 | 实际完成情况 |", "请填写年度目标(200字以内) | 请填写完成情况 |"])
    assert "goals" not in values


def test_the_intro_is_shown_before_the_sections_and_escaped(tmp_path):
    (tmp_path / "2021").mkdir()
    (tmp_path / "2021" / "shi-li-ju.yaml").write_text(
        "schema_version: 1\nkind: department\nyear: 2021\ndepartment:\n  name: 示例局\n  slug: shi-li-ju\n"
        "title: 2021 年度示例局绩效自评\nintro: 根据<script>通知</script>要求，现将自评情况报告如下。\n"
        "sections:\n  - title: 部门概况\n    text: 本局设 3 个科室。\n", encoding="utf-8")
    loaded = load(tmp_path)
    assert loaded.errors == []
    rec = derive.derive(loaded.entries).records[0]
    page = render.render_report(render.make_env(), rec, {}).markdown
    assert "根据&lt;script&gt;通知&lt;/script&gt;要求" in page and "<script>通知" not in page
    assert page.index("现将自评情况报告如下") < page.index("部门概况")


def test_money_sentences_of_real_reports(tmp_path):
    # d10: the amount a sentence pairs with 预算执行率 is what was spent; the later 项目预算执行率 is not
    # the department's. d08's shape: 法院执行年初预算数 is one item's budget, not the report's.
    data = draft(tmp_path, "\n".join([
        "示例省残疾人联合会2023年度部门整体绩效评价报告",
        "一、部门预决算情况",
        "2023年度年初收支预算为50289.2万元，全年预算为63501.78万元。",
        "本年支出合计61658.08万元，预算执行率为97.10%。",
        "2023年度项目支出年初预算安排37070.2万元，决算数47881.27万元，项目预算执行率96.29%。",
        "法院执行年初预算数6万元。"]))
    assert data["budget"] == {"initial": 50289.2, "adjusted": 63501.78, "executed": 61658.08, "rate": 97.1}


def test_an_amount_in_元_paired_with_its_rate(tmp_path):
    # 施甸县文化和旅游局 2024 (tests/corpus/d41): amounts in 元, the 支出合计 paired with its 执行率.
    data = draft(tmp_path, "\n".join([
        "施甸县文化和旅游局2024年整体支出绩效自评报告", "一、部门概况",
        "施甸县文化和旅游局2024年度收入合计9570171.39元,支出合计7686456.33元,执行率为80.32%,其中:"
        "项目支出1719355.94元,执行率达47.72%。"]))
    assert data["budget"] == {"executed": 7686456.33, "rate": 80.32}
    assert data["spending"]["total"] == 7686456.33 and data["spending"]["project"] == 1719355.94
    # A column's letter after a label marks the column: 执行率(B/A) 100% is a rate, not a rule's formula.
    data = draft(tmp_path, "示例县2023年度某项目绩效自评报告\n全年预算数(A) 30万元，全年执行数(B) 29.6万元，执行率(B/A) 98.67%。")
    assert data["budget"] == {"adjusted": 30, "executed": 29.6, "rate": 98.67}


def test_a_count_is_not_an_amount_and_a_projects_spending_is_its_execution(tmp_path):
    # p15: 年初批复预算8个项目985万元 — 8 is a count, 985 the amount; p13: a project's 年支出 is its 全年执行数.
    data = draft(tmp_path, "\n".join([
        "示例县2023年度优抚对象补助项目支出绩效自评报告",
        "一、项目资金情况",
        "年初批复预算8个项目985万元。2023年支出2310.4万元。自评分为100分。"]))
    assert data["kind"] == "project" and data["budget"]["initial"] == 985
    assert data["budget"]["executed"] == 2310.4 and "total" not in data.get("spending", {})
    assert data["result"]["score"] == 100


def test_a_forms_score_field_between_bars():
    values, found, _, _ = form_values(["2024年度部门整体绩效自评表 |", "项目名称: | 示例整体监控 | 自评总分: | 99.68 | |||",
                                       "年初预算数 | 全年预算数 | 全年执行数 |", "年度总金额 | 3 | 4 | 4 |"])
    assert values["result"] == {"score": 99.68} and "自评得分：99.68（第 2 行）" in found


def test_every_figure_found_in_the_text_names_its_line(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("\n".join(["示例局2022年度部门整体绩效自评报告", "一、基本情况", "自评结果为良好，自评得分86.5分。",
                               "本年财政拨款支出１,２００万元，其中基本支出200万元。", "二、预算执行",
                               "年初预算数 | 1,000 | 全年执行数 | 1,200"]), encoding="utf-8")
    found = build_draft(path).found
    for finding in ("自评等级：良（第 3 行）", "自评得分：86.5（第 3 行）", "本年财政拨款支出：1200（第 4 行）",
                    "基本支出：200（第 4 行）", "年初预算数：1000（第 6 行）", "全年执行数：1200（第 6 行）"):
        assert finding in found, found


def test_the_grade_and_score_in_the_words_reports_use(tmp_path):
    for sentence, grade, score in (("经综合评定，自评等次为“优”，综合得分95分。", "优", 95),
                                   ("本项目绩效评价结论为良好，自评总分为86分。", "良", 86),
                                   ("自评结论：中。", "中", None),
                                   # d12, d04: 等次均为, 综合评分为.
                                   ("部门整体支出等专项资金绩效自评等次均为优秀。", "优", None),
                                   ("对本局2020年度机关整体支出开展了绩效评价,综合评分为97分。", None, 97)):
        data = draft(tmp_path, f"示例局2022年度部门整体绩效自评报告\n一、自评结论\n{sentence}")
        assert data["result"].get("grade") == grade and data["result"].get("score") == score, sentence
    # d08: the year's spending written 2018年度支出.
    data = draft(tmp_path, "示例法院2018年度部门整体支出绩效评价报告\n一、收支\n2018年度支出5560.46万元,其中:基本支出2956.36万元。")
    assert data["spending"]["total"] == 5560.46


def test_a_grade_with_a_blank_inside_and_words_that_only_look_like_one(tmp_path):
    data = draft(tmp_path, "示例中心2022年整体绩效自评报告\n一、自评结果\n部门目标实现率 100%，整体绩效自评为优 秀；绩效评分98分。")
    assert data["result"] == {"grade": "优", "score": 98}
    data = draft(tmp_path, "示例中心2022年整体绩效自评报告\n一、自评情况\n自评中发现两个问题。")
    assert "grade" not in data.get("result", {})


def test_heading_numbers_that_lost_their_mark_are_headings_only_in_order(tmp_path):
    # d20: 一 绩效管理工作开展情况。… 二 部门整体…: the 、 lost in the text layer; 一 二 三 in order.
    body = ("示例中心 2022 年整体绩效自评总结报告 一 绩效管理工作开展情况。 我单位认真开展自评。" + "加强管理。" * 60
            + " 二 部门整体绩效自评结果。 整体绩效自评为优秀。 三 存在问题。 无。")
    data = draft(tmp_path, body)
    assert [s["title"] for s in data["sections"]] == ["绩效管理工作开展情况。", "部门整体绩效自评结果。", "存在问题。"]
    # Numbers out of order (三 before 一) are words of the text, not headings.
    titles = [s["title"] for s in draft(tmp_path, "示例 三 个科室" + "加强管理。" * 80 + " 一 年。").get("sections", [])]
    assert titles in ([], ["未归类内容"])


def test_the_years_budget_stated_as_a_whole_and_the_sources_it_lists(tmp_path):
    from generator.importers.narrative_money import breakdown, year_budget

    # p13: the first two clauses list sources (中央下达…, 自治区下达…): not the total; the total is the
    # clause 其中 follows, and its sources are the funds.
    text = ("2023年收到中央下达生活补助资金1372.7万元，自治区下达98.6万元，地方匹配859.6万元。"
            "2023年收到财政资金共2330.9万元，其中：中央资金1372.7万元，地方资金98.6万元，其他资金859.6万元。")
    total = year_budget(text)
    assert total == (2330.9, "2023年收到财政资金共2330.9万元")
    assert breakdown(text, total[1]) == [("中央资金", 1372.7), ("地方资金", 98.6), ("其他资金", 859.6)]
    # A list that does not add up to its total (cut short, or a breakdown of something else) is not the sources.
    assert breakdown(text.replace("，其他资金859.6万元", ""), total[1]) == []
    # d19: 预算数 beside 执行数 is a total; d20: 部门预算总金额 … 其中 基本支出 (spending, not a source).
    assert year_budget("民政部门2022年预算数11,605.29万元,执行数21680.25万元,执行率为100%。")[0] == 11605.29
    text = "部门预算总金额 803.74 万元其中:基本支出 757.49 万元,项目支出 46.25 万元。"
    assert year_budget(text)[0] == 803.74 and breakdown(text, year_budget(text)[1]) == []
    # Not totals: 年初, 执行, 计划投资, and two numbers run together.
    for clause in ("年初预算下达50万元。", "计划投资2179万元。", "已下达执行数62.73100.00万元。"):
        assert year_budget(clause) is None, clause


def test_a_project_reports_sources_become_its_funds(tmp_path):
    # p13: the spending sentence runs into the next without its full stop, and lists the same sources.
    data = draft(tmp_path, "示例县2023年度优抚补助项目支出绩效自评报告\n一、项目资金\n"
                           "2023年收到财政资金共1471.3万元，其中：中央资金1372.7万元，地方资金98.6万元"
                           "2023年支出1450.8万元，其中中央资金1352.2万元，地方资金98.6万元\n总体绩效情况分析按计划执行。")
    assert data["budget"] == {"adjusted": 1471.3, "executed": 1450.8}
    assert data["funds"] == [{"source": "中央资金", "adjusted": 1372.7, "executed": 1352.2},
                             {"source": "地方资金", "adjusted": 98.6, "executed": 98.6}]


def test_problems_and_measures_under_headings_or_after_a_label_in_a_paragraph(tmp_path):
    # d19: items under （三）存在的问题和原因; p21: labels inside one paragraph; p20: 无.
    data = draft(tmp_path, "示例局2022年部门整体绩效自评报告\n一、自评结论\n（三）存在的问题和原因\n1、项目进展缓慢。\n2、满意率下降。\n"
                           "（四）下一步拟改进措施\n1、加快项目进度。")
    assert data["problems"] == ["项目进展缓慢。", "满意率下降。"] and data["measures"] == ["加快项目进度。"]
    data = draft(tmp_path, "示例项目2021年绩效自评报告\n一、综述\n自评得分为95分。发现的主要问题及原因:一是受疫情影响，部分活动改为线上;"
                           "二是部分项目预算成本过高。下一步改进措施:加快项目进度。")
    assert data["problems"] == ["一是受疫情影响，部分活动改为线上", "二是部分项目预算成本过高。"]
    assert data["measures"] == ["加快项目进度。"]
    data = draft(tmp_path, "示例项目2022年绩效自评报告\n一、自评结论\n（三）存在的问题和原因分析\n无。\n（四）下一步拟改进措施及有关建议\n无。")
    assert "problems" not in data and "measures" not in data


def test_what_a_forms_table_states_is_not_listed_as_missing(tmp_path):
    path = tmp_path / "form.txt"
    path.write_text("示例县2023年度示范项目支出绩效自评表\n项目 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
                    "年度资金总额 | 10 | 10 | 9 | 10 | 90% | 9 |\n", encoding="utf-8")
    draft = build_draft(path)
    assert draft.data["budget"] == {"initial": 10, "adjusted": 10, "executed": 9, "rate": 90}
    assert not {"年初预算数", "全年预算数", "全年执行数", "预算执行率"} & set(draft.missing)
    assert "自评得分" in draft.missing


def test_the_unplaced_share_counts_all_the_placed_text(tmp_path):
    from generator.importers.document import import_document

    path = tmp_path / "r.txt"
    path.write_text("示例局2022年部门整体绩效自评报告\n根据通知要求，现将自评情况报告如下。\n内部资料\n一、部门概况\n"
                    + "本局设三个科室，负责全县的相关工作。" * 10 + "\n", encoding="utf-8")
    done = import_document(path, tmp_path / "out.yaml", tmp_path)
    # 内部资料 (4 characters) against the intro and the section's text (a few hundred): a few percent, not most.
    assert 0 < done.unplaced < 0.05


def test_a_projects_rate_said_on_its_own_only_when_it_is_the_only_one():
    from generator.importers.narrative_money import the_rate

    assert the_rate("2.项目资金执行情况。2021年度森林防火经费执行率为100%。") == 100
    assert the_rate("执行率100%。执行率未达到90%的需说明原因。") == 100  # the rule's 90% is not a rate
    assert the_rate("资金一执行率为80%，资金二执行率为90%。") is None  # two rates: whose is the project's?


def test_amounts_in_亿元_are_doubtful_not_drafted_as_万元(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("博乐市2020年抗疫特别国债项目支出绩效自评表\n项目资金（亿元） | 年初预算数 | 全年预算数 | 全年执行数 |\n"
                    "年度资金总额 | 4.54 | 4.54 | 4 |\n", encoding="utf-8")
    draft = build_draft(path)
    assert "budget" not in draft.data and "unit" not in draft.data
    assert draft.doubtful["金额"] == ["原文第 2 行起的金额以亿元为单位，报告只能用万元或元：请换算后填写（未读入：预算执行）"]
    # 亿元 only as an indicator's value: the amounts in 万元 are read.
    path.write_text("示例县2020年示范项目支出绩效自评报告\n一、绩效目标\n项目资金共454万元。林产品收入2.6亿元。\n", encoding="utf-8")
    assert build_draft(path).data["budget"] == {"adjusted": 454}


def test_a_title_run_into_the_first_sentence_and_a_receipt_that_is_not_a_budget(tmp_path):
    # p34: the text layer runs the title into the first sentence; the title names the project, not
    # the fund the next sentence describes.
    data = draft(tmp_path, "附件3示例省示例县2021年中央食品监管专项转移支付绩效自评报告为进一步规范中央对地方转移支付专项资金管理，"
                           "现将中央对地方转移支付的食品监管补助资金绩效自评情况报告如下。")
    assert data["title"] == "示例省示例县2021年中央食品监管专项转移支付绩效自评报告"
    assert data["project"]["name"] == "中央食品监管专项转移支付" and data["year"] == 2021
    # d31: 收入合计…(均为一般公共预算收入): receipts; the word after the amount does not make it a budget.
    from generator.importers.narrative_money import year_budget
    assert year_budget("2024年度财政拨款收入合计2024.05万元(均为一般公共预算收入),财政拨款支出合计2024.05万元。") is None
    assert year_budget("2024年度部门预算收入2024.05万元。")[0] == 2024.05


def test_a_letters_title_names_its_year_and_project(tmp_path):
    # p16: 标题 关于上报2023年1-4级…项目支出绩效自评的报告 — 2023年 before 1-4级 is the year (not a date),
    # and what the title calls 项目支出 is the project, though it ends in 费.
    data = draft(tmp_path, "标        题 关于上报2023年1-4级残疾军人护理费项目支出绩效自评的报告\n一、基本概况\n"
                           "全年实际支出7.79万元。")
    assert data["year"] == 2023 and data["kind"] == "project" and data["project"]["name"] == "1-4级残疾军人护理费"
    assert data["title"] == "关于上报2023年1-4级残疾军人护理费项目支出绩效自评的报告"
    # d29: 实际支出 says the money was spent, after a budget's words in the same sentence.
    data = draft(tmp_path, "示例乡2024年度部门整体支出绩效自评报告\n一、收支\n2024年部门预算财政安排资金共157.71万元,实际支出157.71万元。")
    assert data["spending"]["total"] == 157.71


def test_a_pages_publisher_is_offered_as_doubtful_never_taken_as_the_unit(tmp_path):
    # p13, d33: 来源:临河区退役军人事务局 is often the unit, but often a short name or a parent body.
    path = tmp_path / "report.txt"
    path.write_text("日期:2024-06-11 17:40  来源:临河区退役军人事务局\n2023年度部门整体支出绩效自评报告\n"
                    "一、基本情况\n2、支出:799.12万元。其中:人员经费支出434.89万元。", encoding="utf-8")
    draft = build_draft(path)
    assert "department" not in draft.data
    assert draft.doubtful["部门名称"] == ["临河区退役军人事务局（第 1 行，网页的发布机构；正文没有写明单位，请核对后填写）"]
    assert draft.data["spending"]["total"] == 799.12  # d05: a numbered item 2、支出:


def test_a_works_projects_batch_name_its_budget_to_execute_and_its_investment(tmp_path):
    # p12 (牟定县): a 工程 is a project, and 第一批… is a batch of its place and year.
    data = draft(tmp_path, "牟定县2020年第一批公路安全生命防护工程绩效自评报告\n一、绩效目标分解下达情况\n"
                           "该项目下达资金56万元,实际完成投资54.6万元。")
    assert data["kind"] == "project" and data["project"]["name"] == "牟定县2020年第一批公路安全生命防护工程"
    assert data["budget"] == {"adjusted": 56, "executed": 54.6}
    # p16 (临夏市): 全年应执行数 is what was to be spent that year — the budget, not the execution.
    data = draft(tmp_path, "关于上报2023年残疾军人护理费项目支出绩效自评的报告\n一、基本概况\n全年应执行数为7.79万元，实际执行率为100%。")
    assert data["budget"]["adjusted"] == 7.79 and "executed" not in data["budget"]


def test_a_projects_spending_given_only_as_what_was_paid(tmp_path):
    # p47 (东丽区), p01 (保山): a payment said to be done is the year's spending; money handed down
    # (财政拨付) is not, nor is one of several works' payments.
    title = "天津市东丽湖新建光辉路工程项目2020年度绩效自评报告\n一、绩效目标分解下达情况\n"
    data = draft(tmp_path, title + "区财政下达资金700万元。该项目已拨付工程款700万元,剩余工程款待申请。")
    assert data["budget"] == {"adjusted": 700, "executed": 700}
    data = draft(tmp_path, title + "中央下达转移支付预算2842.5157万元。已执行支付2668万元。")  # p45: 转移支付 is a name
    assert data["budget"] == {"adjusted": 2842.5157, "executed": 2668}
    data = draft(tmp_path, title + "区财政下达资金700万元。市财政拨付资金700万元。")
    assert data["budget"] == {"adjusted": 700}
    data = draft(tmp_path, title + "区财政下达资金700万元。路基工程实际支付300万元,路面工程实际支付350万元。")
    assert data["budget"] == {"adjusted": 700}


def test_a_projects_funds_said_to_be_spent_in_full(tmp_path):
    # p08 (枞阳县): the year's funds and their execution in one clause; 全部拨付到位 is money received.
    title = "枞阳县2023年度国家基本公共卫生服务项目绩效评价自评报告\n一、项目基本情况\n"
    data = draft(tmp_path, title + "2023年度12类基本公共卫生服务资金3728万元全部执行到位。")
    assert data["budget"] == {"adjusted": 3728, "executed": 3728}
    data = draft(tmp_path, title + "2023年度基本公共卫生服务资金3728万元已全部拨付到位。")
    assert "executed" not in data.get("budget", {})


def test_a_forms_heading_is_the_title_of_a_form_run_into_one_line(tmp_path):
    # 池州市贵池区棠溪镇 2022 (tests/corpus/p05): the whole form on one line after a file's properties.
    from pathlib import Path

    corpus = Path(__file__).parent / "corpus" / "p05_guichi-tangxi-wtyw-2022" / "document.txt"
    data = draft(tmp_path, corpus.read_text(encoding="utf-8"))
    assert data["title"] == "项目支出绩效自评表（2022年度）"


def test_a_grade_said_of_several_projects_is_not_the_reports(tmp_path):
    # d50 (舒城): the projects' grades are counted; the department's own grade is not stated.
    title = "舒城县科学技术局2024年度部门整体支出绩效自评报告\n一、基本情况\n"
    data = draft(tmp_path, title + "有14个预算项目绩效自评得分在90(含)-100分,绩效自评等级为“优”,占比100%。")
    assert "grade" not in data.get("result", {})
    data = draft(tmp_path, title + "有14个预算项目绩效自评等级为“优”。我局部门整体绩效自评等级为“良”。")
    assert data["result"]["grade"] == "良"


def test_a_spending_total_after_the_years_receipts(tmp_path):
    # d31 (下桥镇): 一般公共预算收入 is what came in, not a budget the spending figure is a part of.
    data = draft(tmp_path, "下桥镇人民政府2024年度绩效自评报告\n一、单位基本情况\n"
                           "2024年度财政拨款收入合计2024.05万元(均为一般公共预算收入),财政拨款支出合计2024.05万元,预算执行率100%。")
    assert data["spending"]["total"] == 2024.05 and data["budget"]["rate"] == 100
    # A budget's breakdown before the figure still keeps it out: 其中一般公共预算 … 项目支出 lists the budget.
    data = draft(tmp_path, "下桥镇人民政府2024年度绩效自评报告\n一、单位基本情况\n"
                           "2024年度年初预算2024.05万元,其中一般公共预算2000万元,项目支出300万元。")
    assert "project" not in data.get("spending", {})


def test_a_score_said_as_自评得_or_without_its_分(tmp_path):
    # d47 (陕西省应急管理厅): 自评得97.5分; d50 (舒城): 自评得分为99.77, (the excerpt ends before 分).
    data = draft(tmp_path, "我厅认真开展了2022年度部门预算绩效自评工作。逐项量化评价,自评得97.5分。\n一、部门概况\n职责。")
    assert data["result"]["score"] == 97.5
    assert data["kind"] == "department" and data["year"] == 2022  # the sentence naming the exercise
    data = draft(tmp_path, "舒城县科学技术局2024年度部门整体支出绩效自评报告\n一、基本情况\n"
                           "我局2024年度部门整体支出绩效自评得分为99.77,等级为优。")
    assert data["result"]["score"] == 99.77
    # 得分为 a number with no 分 that is not the 自评 score: an indicator's
    data = draft(tmp_path, "舒城县科学技术局2024年度部门整体支出绩效自评报告\n一、基本情况\n满意度指标得分为9.5,完成较好。")
    assert "score" not in data.get("result", {})


def test_a_years_total_spending_in_its_own_words(tmp_path):
    # d51 (金寨县): 本年度总支出 with its parts; p57 (五指山市): 资金预算…,支出…, and 资金使用完成比率.
    data = draft(tmp_path, "金寨县应急管理局2023年度部门整体支出绩效自评工作情况报告\n一、自评工作开展情况\n"
                           "我单位全年预算数1761.58万元,本年度总支出1688.46万元,其中基本支出469.70万元,项目支出1218.76万元。")
    assert data["spending"] == {"total": 1688.46, "basic": 469.7, "project": 1218.76}
    data = draft(tmp_path, "五指山市统计局\n人口普查经费资金项目2020年度绩效自评报告\n一、基本情况\n"
                           "该项目2020年度资金预算253.7万元,支出253.66万元,余额404元,年度资金使用完成比率99.98 %。")
    assert data["budget"] == {"adjusted": 253.7, "executed": 253.66, "rate": 99.98}
    # An indicator's cell named 实际支出, its figure without 万元 (a table of targets), is not the spending;
    # nor is a rate in a row of an indicator table (预算完成率 | % | 70% | 76%).
    data = draft(tmp_path, "示例县2021年度部门整体支出绩效自评报告\n一、基本情况\n3.实际支出 | 6475 | 实际支出率 | 100%\n"
                           "预算完成率 % 70% 76% 100%")
    assert "spending" not in data and "rate" not in data.get("budget", {})


def test_numbers_each_on_a_line_stay_apart(tmp_path):
    # p61 (安居区): 执行数: / 2.38 / 20 (its points) is not 2.3820; d25 (衡山县): 项目支出: / 874.20 308.17
    # 1025.20 is a row of three years' amounts; d53 (平凉): a heading (一)基本支出 then a year is no amount.
    from generator.importers.narrative_structure import paragraphs

    assert paragraphs(["一、基本情况", "执行数", "2.38", "20", "得分"]) == ["一、基本情况", "执行数2.38 20得分"]
    data = draft(tmp_path, "安居区2021年食品安全监管项目绩效自评报告\n一、基本情况\n预算数:\n\n2.38\n\n执行数:\n\n2.38\n\n20\n")
    assert data.get("budget", {}).get("executed") != 2.382
    data = draft(tmp_path, "示例县2023年度部门整体支出绩效评价报告\n一、基础数据\n项目支出:\n\n874.20\n\n308.17\n\n1025.20\n")
    assert "project" not in data.get("spending", {})
    data = draft(tmp_path, "政协平凉市委员会办公室2024年度预算绩效部门评价报告\n一、部门概况\n办公室负责日常工作。\n"
                           "二、部门整体支出管理及使用情况\n(一)基本支出\n"
                           "2024年度一般公共财政拨款基本支出1076.17万元。其中:\n人员经费896.34万元,主要包括基本工资。")
    assert data["spending"]["basic"] == 1076.17 and data["spending"]["personnel"] == 896.34


def test_a_projects_budget_given_as_the_money_arranged_for_it(tmp_path):
    # p47 (东丽区): 安排资金700万元 said once is the year's budget; p28 (博乐市): each of several works' is theirs.
    title = "天津市东丽湖新建光辉路工程项目2020年度绩效自评报告\n一、绩效目标分解下达情况\n"
    data = draft(tmp_path, title + "区财政通过抗疫特别国债安排资金700万元。该项目已拨付工程款700万元。")
    assert data["budget"] == {"adjusted": 700, "executed": 700}
    data = draft(tmp_path, title + "㈠排涝管渠建设项目。安排资金5000万元。㈡供热管网连通工程项目。安排资金2000万元。")
    assert "adjusted" not in data.get("budget", {})


def test_a_departments_决算支出_and_年初预算支出(tmp_path):
    # d42 (德钦县): 单位年初预算支出785.59万元,决算支出960.28万元 — 上年决算支出 is last year's.
    data = draft(tmp_path, "2021年度部门整体支出绩效自评情况报告\n(三)部门整体收支情况\n上年决算支出935.11万元。"
                           "单位年初预算收入785.59万元,决算数为885.63万元。单位年初预算支出785.59万元,决算支出960.28万元。")
    assert data["budget"]["initial"] == 785.59 and data["budget"]["executed"] == 960.28
    assert data["spending"]["total"] == 960.28
    # d29: 资金共157.71万元,实际支出157.71万元 — the year's execution as well as its spending.
    data = draft(tmp_path, "2024年度部门整体支出绩效自评报告\n二、一般公共预算支出情况\n"
                           "2024年部门预算财政安排公共财政拨款资金共157.71万元,实际支出157.71万元。")
    assert data["budget"]["executed"] == 157.71 and data["spending"]["total"] == 157.71


def test_a_heading_with_no_words_is_a_section_without_title_not_a_crash(tmp_path):
    # 一、 alone on its line (a number left when a heading's words were lost): listing the problems and
    # measures looked its title up and raised KeyError.
    data = draft(tmp_path, "示例县2021年度部门整体支出绩效自评报告\n一、\n预算完成率很好。\n二、存在问题\n1.问题一。\n")
    assert data["sections"][0] == {"text": "预算完成率很好。"} and data["sections"][1]["title"] == "存在问题"


def test_a_score_with_thousands_commas_is_no_score_and_no_crash(tmp_path):
    # 自评得分 1,234,567.89分: a number the score pattern reads (float() of it raised ValueError).
    data = draft(tmp_path, "示例县2021年度部门整体支出绩效自评报告\n一、基本情况\n自评得分1,234,567.89分。自评总分(分) 1,2,3")
    assert "score" not in data.get("result", {})


def test_figures_of_scoring_rules_lists_and_item_numbers_are_not_the_reports(tmp_path):
    # d59 (雨花区): a scoring sheet run together, 分值 5 then the rule 100%计满分: no rate of 5100%.
    data = draft(tmp_path, "示例区2022年度部门整体支出绩效评价报告\n一、评分\n"
                           "预算执行20预算完成率5100%计满分,每低于5%扣2分,扣完为止。")
    assert "rate" not in data.get("budget", {})
    # d61 (霍邱县): each group of projects says its own 预算完成率; none of them is the department's.
    data = draft(tmp_path, "示例县教育局2022年部门绩效自评工作情况总结\n一、自评工作开展情况\n"
                           "1.学前教育项目,已于本年度支出100万元,预算完成率100%。2.义务教育项目,已于本年度支出50万元,预算完成率100%。")
    assert "rate" not in data.get("budget", {})
    # ... while the unit's own rate, said once, is (d21, d60: 计算本单位预算完成率99.27%).
    data = draft(tmp_path, "示例县2018年度部门整体支出绩效评价报告\n一、评分\n年末结余数19.8万元.计算本单位预算完成率99.27%.")
    assert data["budget"]["rate"] == 99.27
    # d60: 项目支出: then the list 1、业务工作专项 938.8 — the 1 is the item's number.
    data = draft(tmp_path, "示例县2018年度部门整体支出绩效评价报告\n一、基础数据\n项目支出:\n\n1、业务工作专项 938.8\n")
    assert "project" not in data.get("spending", {})


def test_a_data_sheets_year_columns_give_the_latest_year(tmp_path):
    # d60 / d56 (Hunan 基础数据表): 2017年决算数 2018年预算数 2018年决算数 — the evaluated year is 2018.
    data = draft(tmp_path, "附件3: 部门整体支出绩效评价基础数据表 填报单位: 单位:万元\n"
                           "经费控制情况 2017年决算数 2018年预算数 2018年决算数 三公经费 29.08 63.46 44.29\n")
    assert data["year"] == 2018


def test_a_projects_score_and_budget_in_a_reports_own_words(tmp_path):
    # p58 (林芝): 自评分数100。 and 项目资金预算140.11万元,到位140.11万元,实际支出140.11万元,执行率100%.
    data = draft(tmp_path, "项目支出绩效自评报告\n项目名称:村村通维护经费\n一、自评分数\n对照评分表逐项自评打分,自评分数100。\n"
                           "二、指标分析\n1. 过程。项目资金预算140.11万元,到位140.11万元,实际支出140.11万元,执行率100%;")
    assert data["result"]["score"] == 100
    assert data["budget"] == {"adjusted": 140.11, "executed": 140.11, "rate": 100}
    # A score's number must end its sentence: 自评分数100分以上的项目 is not one.
    data = draft(tmp_path, "项目支出绩效自评报告\n一、说明\n自评分数100分以上的项目有3个,自评分数90至100的有2个。")
    assert "score" not in data.get("result", {})


def test_a_budget_is_paired_with_its_execution_only_when_the_rate_is_their_ratio(tmp_path):
    # d54 (山东省红十字会): 批复支出预算 then 实际执行支出预算 then 部门整体预算执行率, and 1711.15 / 1824.15 is 93.81%.
    text = ("一、部门基本情况\n(一)部门概况\n山东省红十字会(以下简称“省红十字会”)成立于1911年,是社会救助群众团体。\n"
            "(二)部门预决算情况\n2021年初省红十字会收入预算为1116.20万元。2021年度省红十字会批复支出预算1824.15万元,"
            "实际执行支出预算1711.15万元,部门整体预算执行率为93.81%。\n(三)部门整体绩效目标\n2021年,省红十字会部门职责目标如下:")
    data = draft(tmp_path, text)
    assert data["budget"] == {"adjusted": 1824.15, "executed": 1711.15, "rate": 93.81}
    # The unit it introduces itself as, its short name then its subject (no title names one).
    assert data["department"]["name"] == "山东省红十字会"
    # A rate that is not the ratio leaves the budget unread; so does a 年初 budget (not the adjusted one).
    data = draft(tmp_path, text.replace("93.81%", "95%"))
    assert "adjusted" not in data["budget"]
    data = draft(tmp_path, text.replace("批复支出预算", "年初预算"))
    assert data["budget"].get("adjusted") is None


def test_a_budgets_指标金额_is_the_years_budget(tmp_path):
    # p65 (紫金县): 指标金额是110万元,实际拨付金额是108万元 — the budget allocated, then what was paid out.
    data = draft(tmp_path, "县司法局2020年度一村(社区)一法律顾问经费绩效自评报告\n一、基本情况\n"
                           "2020年度紫金县财政划给紫金县司法局一村(社区)一法律顾问经费,指标金额是110万元,实际拨付金额是108万元。")
    assert data["budget"]["adjusted"] == 110 and data["budget"]["executed"] == 108
    # An indicator's 项目指标金额 is not the year's budget.
    data = draft(tmp_path, "示例项目2020年度绩效自评报告\n一、基本情况\n项目指标金额是5万元的部分不计。")
    assert "adjusted" not in data.get("budget", {})


def test_无项目支出_is_a_project_spending_of_nothing(tmp_path):
    # d52 (南京): 其中:基本支出165.35万元,无项目支出; — stated, so 0, not left out.
    data = draft(tmp_path, "示例中心2021年度部门整体预算绩效自评价报告\n一、单位概况\n2021年度部门决算总支出为165.35万元。"
                           "按功能分类,其中:基本支出165.35万元,无项目支出;")
    assert data["spending"]["project"] == 0 and data["spending"]["basic"] == 165.35
    # Not a heading's words: 无项目支出绩效目标 says nothing of the amount.
    data = draft(tmp_path, "示例中心2021年度部门整体预算绩效自评价报告\n一、单位概况\n本中心无项目支出绩效目标。")
    assert "project" not in data.get("spending", {})


def test_a_经费预算_total_and_its_sources_after_a_bare_其中(tmp_path):
    # p80 (云南省应急管理厅): 共投入…补助经费预算10441万元。其中,中央转移支付资金8353万元,省级配套资金2088万元,…
    data = draft(tmp_path, "2022年度森林草原航空消防租机补助经费绩效自评报告\n一、项目概况\n"
                           "2022年共投入森林草原航空消防租机补助经费预算10441万元。其中,中央转移支付资金8353万元,省级配套资金2088万元,"
                           "专项用于保障云南省森林草原航空消防租机工作。")
    assert data["budget"]["adjusted"] == 10441
    assert data["funds"] == [{"source": "中央转移支付资金", "adjusted": 8353}, {"source": "省级配套资金", "adjusted": 2088}]
    # Sources that do not add up to the total are not its sources.
    data = draft(tmp_path, "2022年度示例补助经费绩效自评报告\n一、项目概况\n"
                           "2022年共投入示例补助经费预算10441万元。其中,中央转移支付资金8353万元,省级配套资金2000万元。")
    assert "funds" not in data
