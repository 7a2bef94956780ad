"""The data contract, schema version 1: one typed model of a report.

Every field carries a Chinese title and description: they name fields in error messages,
and they become the JSON Schema that editors use for completion.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = 1

GRADES = ("优", "良", "中", "差")
KINDS = {"department": "部门整体绩效自评", "project": "项目支出绩效自评"}
OPERATORS = ("=", "≥", "≤", ">", "<", "定性")

Amount = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
# An execution rate: a year may spend more than its budget (d34 states 102.59%).
ExecutionRate = Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    # Unknown keys are errors: a typo such as `spendng` must not be silently ignored.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_missing(cls, data):
        # An empty cell or `note: ""` means "not given", the same as leaving the key out.
        if isinstance(data, dict):
            return {k: None if isinstance(v, str) and not v.strip() else v for k, v in data.items()}
        return data


class Department(Strict):
    name: Text = Field(title="部门名称", description="部门的正式名称，如“黄石市商务局”。")
    slug: Slug = Field(
        title="部门标识",
        description="部门在网址中的固定英文标识（拼音或约定代码，小写字母、数字和连字符），各年度保持一致。",
    )
    region: Optional[str] = Field(None, title="所属地区", description="如“湖北省黄石市”，可不填。")


class Project(Strict):
    name: Text = Field(title="项目名称", description="项目支出绩效自评的项目名称。")
    code: Optional[str] = Field(None, title="项目编码", description="预算项目编码，可不填。")


class Result(Strict):
    grade: Optional[Literal["优", "良", "中", "差"]] = Field(
        None, title="自评等级",
        description="原文所述的优、良、中、差之一。原文没有给出时不填：网站显示“未公布”，有得分时按官方分档推算并注明“推算”。")
    score: Optional[Percent] = Field(None, title="自评得分", description="0 到 100 分；原文没有给出时不填。")


class Source(Strict):
    file: Optional[str] = Field(
        None,
        title="原始文件",
        description="与本 YAML 放在同一目录的原始文件名，网站提供下载。",
        pattern=r"^[^/\\]+$",
    )
    url: Optional[str] = Field(
        None, title="原文网址", description="原文发布的网址（http:// 或 https:// 开头），可不填。", pattern=r"^https?://[^\s<>\"']+$"
    )


class Spending(Strict):
    total: Optional[Amount] = Field(
        None, title="本年财政拨款支出", description="本年财政拨款支出总额；原文没有给出时不填（网站显示“未公布”）。")
    basic: Optional[Amount] = Field(None, title="基本支出", description="保障机构运转的基本支出。")
    project: Optional[Amount] = Field(None, title="项目支出", description="为完成特定工作任务的项目支出。")
    personnel: Optional[Amount] = Field(None, title="人员经费", description="基本支出中的人员经费。")
    public: Optional[Amount] = Field(None, title="公用经费", description="基本支出中的公用经费。")
    basic_share: Optional[Percent] = Field(
        None, title="基本支出占比（%）", description="原文所述基本支出占总支出的百分比。"
    )
    project_share: Optional[Percent] = Field(
        None, title="项目支出占比（%）", description="原文所述项目支出占总支出的百分比。"
    )


class Budget(Strict):
    initial: Optional[Amount] = Field(None, title="年初预算数", description="年初批复的预算金额。")
    adjusted: Optional[Amount] = Field(None, title="调整后预算数", description="年中调整后的全年预算数。")
    executed: Optional[Amount] = Field(None, title="全年执行数", description="全年实际支出金额；执行率 = 执行数 ÷ 调整后预算数。")
    rate: Optional[ExecutionRate] = Field(None, title="预算执行率（%）",
                                          description="原文所述的预算执行率，应等于全年执行数 ÷ 调整后预算数；超支时大于 100。")


# The rows forms give funds under: the 2020 Ministry of Finance form's, then older forms'. Suggested
# in the Excel template; a document's own row label is kept as it stands.
FUND_SOURCES = ("当年财政拨款", "上年结转资金", "其他资金", "财政资金", "财政专户管理资金", "单位资金")


class Fund(Strict):
    source: Text = Field(
        title="资金来源",
        description="原文表格中这一行的名称，如 当年财政拨款、上年结转资金、其他资金（2020 年财政部格式），或 财政资金、单位资金。",
    )
    initial: Optional[Amount] = Field(None, title="年初预算数", description="该来源的年初预算金额。")
    adjusted: Optional[Amount] = Field(None, title="全年预算数", description="该来源调整后的全年预算数。")
    executed: Optional[Amount] = Field(None, title="全年执行数", description="该来源的全年实际支出；执行率 = 执行数 ÷ 全年预算数。")


class Goal(Strict):
    goal: Text = Field(title="年度目标", description="项目的年度绩效目标，原文照录。")
    completion: Optional[str] = Field(None, title="实际完成情况", description="目标的实际完成情况，原文照录。")


class Indicator(Strict):
    level1: Optional[str] = Field(None, title="一级指标",
                                  description="如 产出指标、效益指标、满意度指标、成本指标；原表这一格空着时不填。")
    level2: Optional[str] = Field(None, title="二级指标", description="如 数量指标、质量指标、时效指标。")
    name: Text = Field(title="三级指标", description="指标名称。")
    operator: Literal["=", "≥", "≤", ">", "<", "定性"] = Field(
        "=", title="比较方式", description="目标值的比较方式：= ≥ ≤ > < 或 定性。"
    )
    target: Optional[float | str] = Field(None, title="年度指标值", description="目标值，定性指标可填文字。")
    unit: Optional[str] = Field(None, title="计量单位", description="指标值的单位，如 %、个、万元。")
    actual: Optional[float | str] = Field(None, title="实际完成值", description="全年实际完成值，定性指标可填文字。")
    weight: Optional[Amount] = Field(None, title="分值", description="该指标的分值（权重）。")
    score: Optional[Amount] = Field(None, title="得分", description="该指标的自评得分，不高于分值。")
    note: Optional[str] = Field(None, title="偏差原因分析及改进措施", description="未完成目标的原因和改进措施。")


class Deviation(Strict):
    indicator: Text = Field(title="偏差指标", description="存在偏差的绩效目标或指标。")
    reason: Text = Field(title="偏差原因", description="原文所述的偏差原因。")


class Figure(Strict):
    label: Text = Field(title="数字名称", description="如“消费券拨付资金”。")
    value: float = Field(title="数值", description="原文中的数字，以 unit 为单位。", allow_inf_nan=False)
    unit: Optional[str] = Field(None, title="单位", description="如 万元、%、个。")
    qualifier: Optional[str] = Field(None, title="限定词", description="原文中的“超过”“余”“多”等。")
    group: Optional[str] = Field(
        None, title="图表分组", description="同组且同单位的数字合成一张柱状图，组名即图表标题。"
    )


class Item(Strict):
    title: Optional[str] = Field(None, title="小标题", description="条目的标题句，可不填。")
    text: Optional[str] = Field(None, title="正文", description="原文正文，逐字照录。")
    figures: list[Figure] = Field(default_factory=list, title="关键数字", description="正文中值得做成图表的数字。")
    items: list["Item"] = Field(default_factory=list, title="下级条目", description="本条目下按原文顺序排列的子条目。")


class Section(Strict):
    title: Text = Field(title="章节标题", description="原文的一级标题，不含“一、”等序号。")
    text: Optional[str] = Field(None, title="章节导语", description="标题下的正文段落。")
    items: list[Item] = Field(default_factory=list, title="条目", description="本章节下按原文顺序排列的条目，如“（一）”“1、”。")


class Report(Strict):
    schema_version: Literal[1] = Field(title="数据格式版本", description="目前为 1。")
    kind: Literal["department", "project"] = Field(
        title="报告类型", description="department = 部门整体绩效自评；project = 项目支出绩效自评。"
    )
    year: int = Field(title="年度", ge=2000, le=2100, description="自评所属的预算年度。")
    department: Department = Field(title="部门", description="作出自评的部门。")
    project: Optional[Project] = Field(None, title="项目", description="仅项目支出绩效自评填写。")
    title: Text = Field(title="报告标题", description="原文标题，如“2021 年度黄石市商务局部门整体绩效自评结果”。")
    result: Result = Field(default_factory=Result, title="自评结果", description="原文所述的自评等级和得分，可不填。")
    published: Optional[datetime.date] = Field(None, title="公开日期", description="格式 2022-05-31，可不填。")
    source: Optional[Source] = Field(None, title="原始文件", description="原文文件和发布网址。")
    unit: Literal["万元", "元"] = Field("万元", title="金额单位", description="本报告所有金额的单位，默认万元。")
    spending: Spending = Field(
        default_factory=Spending, title="支出情况",
        description="本年财政拨款支出及其构成，原文给出的才填；项目自评的全年执行数可以只填在 budget 或 funds 中。",
    )
    funds: list[Fund] = Field(default_factory=list, title="资金来源", description="项目自评的资金按来源的预算和执行情况。")
    goals: list[Goal] = Field(default_factory=list, title="年度目标", description="项目年度目标及其完成情况。")
    budget: Optional[Budget] = Field(None, title="预算执行", description="年初预算、调整后预算和全年执行数。")
    indicators: list[Indicator] = Field(default_factory=list, title="绩效指标", description="绩效自评表中的指标，每行一个三级指标。")
    deviations: list[Deviation] = Field(default_factory=list, title="绩效目标偏差", description="未完成或有偏差的绩效目标及原因。")
    conclusion: Optional[str] = Field(None, title="自评结论", description="项目自评的总体结论，原文照录。")
    problems: list[Text] = Field(default_factory=list, title="存在的问题", description="自评发现的问题，每条一项，原文照录。")
    measures: list[Text] = Field(default_factory=list, title="改进措施", description="下一步改进措施，每条一项，原文照录。")
    intro: Optional[str] = Field(
        None, title="开头", description="标题之后、第一个小标题之前的正文（如“根据……现将自评情况报告如下”），原文照录。"
    )
    sections: list[Section] = Field(default_factory=list, title="正文", description="原文叙述，按原文顺序逐字照录。")

    @model_validator(mode="before")
    @classmethod
    def _null_blocks_are_empty(cls, data):
        # `result:` or `spending:` left empty in YAML (null) means "the document states none of it".
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not (k in ("result", "spending") and v is None)}
        return data

    @property
    def kind_name(self) -> str:
        return KINDS[self.kind]


def json_schema_text() -> str:
    """The JSON Schema as the file data/report.schema.json holds it."""
    import json

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict:
    """The JSON Schema of a report file, for editors (yaml-language-server) and the open data."""
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "绩效自评报告（数据格式第 1 版）"
    return schema
