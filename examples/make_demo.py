"""Write the demo data set examples/demo/: invented reports for previews and tests, never published.

Deterministic (a fixed random seed), so running it again gives the same files:
    .venv/bin/python examples/make_demo.py
Every department name starts with 示例, and every page built from it carries a banner.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent / "demo"
YEARS = (2021, 2022, 2023)

# slug, name, the years it reports in (some departments appear in only some years)
DEPARTMENTS = [
    ("shili-jiaoyuju", "示例市教育局", YEARS),
    ("shili-weijianwei", "示例市卫生健康委员会", YEARS),
    ("shili-jiaotongju", "示例市交通运输局", YEARS),
    ("shili-nongyeju", "示例市农业农村局", YEARS),
    ("shili-minzhengju", "示例市民政局", YEARS),
    ("shili-shengtaiju", "示例市生态环境局", (2022, 2023)),
    ("shili-wenlvju", "示例市文化和旅游局", YEARS),
    ("shili-kejiju", "示例市科学技术局", (2021, 2022)),
    ("shili-shuiliju", "示例市水利和湖泊局", (2023,)),
]

PROJECTS = {
    "shili-jiaoyuju": [("xiaoyuan-anquan", "校园安全提升工程"), ("jiaoshi-peixun", "中小学教师培训")],
    "shili-jiaotongju": [("nongcun-gonglu", "农村公路养护")],
    "shili-minzhengju": [("yanglao-fuwu", "居家养老服务补贴")],
}

# Indicators as on the official form: 一级, 二级, 三级, unit, target.
INDICATORS = [
    ("产出指标", "数量指标", "完成项目数", "个", 12),
    ("产出指标", "质量指标", "验收合格率", "%", 100),
    ("产出指标", "时效指标", "按期完成率", "%", 95),
    ("效益指标", "社会效益指标", "服务覆盖人数", "万人", 20),
    ("效益指标", "可持续影响指标", "长效机制建立", "项", 3),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "%", 90),
    ("成本指标", "经济成本指标", "预算控制率", "%", 100),
]
GRADE_BANDS = {"优": (90, 98), "良": (80, 89), "中": (62, 79), "差": (45, 59)}


def grade_of(score: float) -> str:
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


def indicators(rng: random.Random, score: float) -> list[dict]:
    """Rows whose weights sum to 100 and whose scores sum to the report's score."""
    chosen = INDICATORS[: rng.randint(5, 7)]
    weights = [20, 20, 15, 15, 10, 10, 10][: len(chosen)]
    weights[0] += 100 - sum(weights)
    lost = round(100 - score, 1)
    rows, remaining = [], lost
    for i, ((l1, l2, name, unit, target), weight) in enumerate(zip(chosen, weights)):
        loss = remaining if i == len(chosen) - 1 else round(min(remaining, weight * rng.uniform(0, 0.5)), 1)
        loss = min(loss, weight)
        remaining = round(remaining - loss, 1)
        ratio = 1 - loss / weight
        actual = round(target * (0.7 + 0.3 * ratio), 1) if unit != "%" else round(min(100, target * (0.75 + 0.25 * ratio)), 1)
        rows.append({"level1": l1, "level2": l2, "name": name, "operator": "≥", "target": target, "unit": unit,
                     "actual": actual, "weight": weight, "score": round(weight - loss, 1),
                     "note": "" if loss == 0 else "（示例）部分任务受客观因素影响未按期完成，已调整实施计划。"})
    if remaining > 0:  # the last row could not absorb all: spread back to the first rows
        for row in rows:
            take = min(remaining, row["score"])
            row["score"] = round(row["score"] - take, 1)
            remaining = round(remaining - take, 1)
    return rows


def department_report(rng: random.Random, slug: str, name: str, year: int, grade: str, scored: bool) -> dict:
    total = round(rng.uniform(2000, 30000), 2)
    basic = round(total * rng.uniform(0.1, 0.4), 2)
    personnel = round(basic * rng.uniform(0.6, 0.85), 2)
    adjusted = round(total * rng.uniform(1.0, 1.08), 2)
    score = round(rng.uniform(*GRADE_BANDS[grade]), 1)
    report = {
        "schema_version": 1, "kind": "department", "year": year,
        "department": {"name": name, "slug": slug, "region": "示例省示例市"},
        "title": f"{year} 年度{name}部门整体绩效自评结果（示例）",
        "result": {"grade": grade, "score": score if scored else None},
        "published": f"{year + 1}-0{rng.randint(3, 6)}-{rng.randint(10, 28)}",
        "unit": "万元",
        "spending": {"total": total, "basic": basic, "project": round(total - basic, 2),
                     "personnel": personnel, "public": round(basic - personnel, 2)},
        "budget": {"initial": round(adjusted * rng.uniform(0.85, 1.0), 2), "adjusted": adjusted, "executed": total},
        "indicators": indicators(rng, score) if scored else [],
        "deviations": [] if grade == "优" else [
            {"indicator": "预算执行率", "reason": "（示例）部分项目资金下达较晚，当年未能全部支出。"}],
        "sections": [
            {"title": "基本情况", "text": f"（示例数据）{year} 年度{name}部门整体绩效自评结果为{grade}。"},
            {"title": "绩效目标完成情况分析", "items": [
                {"title": "主要工作。", "text": f"（示例）全年完成项目 {rng.randint(8, 20)} 个，服务群众 {rng.randint(5, 40)} 万人次。"}]},
        ],
    }
    return report


def project_report(rng: random.Random, slug: str, name: str, code: str, project: str, year: int, grade: str) -> dict:
    funds = []
    for source, share in (("财政资金", 0.7), ("财政专户管理资金", 0.1), ("单位资金", 0.15), ("其他资金", 0.05)):
        if source == "其他资金" and rng.random() < 0.5:
            continue
        adjusted = round(rng.uniform(100, 2000) * share, 2)
        funds.append({"source": source, "initial": round(adjusted * 0.95, 2), "adjusted": adjusted,
                      "executed": round(adjusted * rng.uniform(0.7, 1.0), 2)})
    executed = round(sum(f["executed"] for f in funds), 2)
    score = round(rng.uniform(*GRADE_BANDS[grade]), 1)
    return {
        "schema_version": 1, "kind": "project", "year": year,
        "department": {"name": name, "slug": slug, "region": "示例省示例市"},
        "project": {"name": project, "code": f"SL{year}{code[:3].upper()}"},
        "title": f"{year} 年度{project}项目支出绩效自评报告（示例）",
        "result": {"grade": grade, "score": score},
        "published": f"{year + 1}-0{rng.randint(3, 6)}-{rng.randint(10, 28)}",
        "unit": "万元",
        "spending": {"total": executed, "project": executed},
        "funds": funds,
        "goals": [{"goal": f"（示例）完成{project}年度任务。", "completion": "（示例）已基本完成，个别子项延期。"}],
        "indicators": indicators(rng, score),
        "conclusion": f"（示例）{project}项目总体达到预期目标，自评等级为{grade}。",
        "problems": ["（示例）项目前期论证不够充分。", "（示例）资金拨付进度偏慢。"],
        "measures": ["（示例）加强项目前期论证。", "（示例）按月跟踪资金支出进度。"],
    }


def main(out: Path = OUT) -> None:
    rng = random.Random(2021)
    grades = ["优", "良", "中", "差"]
    files: dict[Path, dict] = {}
    n = 0
    for slug, name, years in DEPARTMENTS:
        for year in years:
            grade = grades[n % 4] if n % 3 else "优"
            files[OUT / str(year) / f"{slug}.yaml"] = department_report(rng, slug, name, year, grade, scored=n % 5 != 4)
            n += 1
            for code, project in PROJECTS.get(slug, []):
                pgrade = grades[(n + 1) % 4]
                files[OUT / str(year) / f"{slug}-{code}.yaml"] = project_report(rng, slug, name, code, project, year, pgrade)
    files = {out / path.relative_to(OUT): report for path, report in files.items()}
    for path in out.glob("*/*.yaml"):
        path.unlink()
    for path, report in sorted(files.items()):
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(report, allow_unicode=True, sort_keys=False, width=120)
        path.write_text("# yaml-language-server: $schema=../../../data/report.schema.json\n"
                        "# 示例数据，非真实数据：由 examples/make_demo.py 生成。\n" + text, encoding="utf-8")
    (out / "dataset.yaml").write_text(
        "# 这个目录的报告是虚构的示例数据：用它生成的每一页都显示“示例数据，非真实数据”，部署工作流从不发布它。\n"
        "sample: true\nname: 示例数据\n", encoding="utf-8")
    print(f"已写入 {len(files)} 份示例报告到 {out}")


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
