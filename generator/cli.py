"""python -m generator: check the data, build the site, preview it.

Exit status: 0 success, 1 invalid data or a failed build (every problem listed), 2 misuse.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import sys
from pathlib import Path

from . import argparse_zh
from .loading import Loaded, load
from .locking import Busy, Unsafe, exclusive, refuse_unsafe_outputs
from .model import json_schema_text
from .paths import DOCS_DIR, ROOT
from .problems import BuildError, DataError, Problem

DEFAULT_DATA = ROOT / "data"
DEFAULT_SITE = ROOT / "site"


def main(argv: list[str] | None = None) -> int:
    argparse_zh.install()
    parser = argparse.ArgumentParser(
        prog=".venv/bin/python -m generator",
        description="绩效公开：检查绩效自评数据，生成网站。",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")

    check = sub.add_parser("check", help="检查 data/ 中的全部报告，列出所有问题")
    _data_option(check)
    check.add_argument("--strict", action="store_true", help="把警告也当作错误（退出状态 1）")

    build = sub.add_parser("build", help="检查数据并生成网站到 site/")
    _data_option(build)
    build.add_argument("--site-dir", type=Path, default=DEFAULT_SITE, help="网站输出目录（默认 site/）")
    build.add_argument("--strict", action="store_true", help="有警告时也不生成")
    build.add_argument("--site-url", default=None, help="网站的公开地址，默认取环境变量 SITE_URL")
    build.add_argument("--docs-dir", type=Path, default=DOCS_DIR, help=argparse.SUPPRESS)
    build.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                       help="把 Markdown 变成网站的程序：mkdocs（默认）或 zensical（Material 团队的后继者）")

    serve = sub.add_parser("serve", help="生成后在本机预览，修改 data/ 或 docs/ 后自动刷新")
    _data_option(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="预览地址（默认 127.0.0.1:8000）")

    template = sub.add_parser("template", help="生成一份按官方自评表排版的 Excel 表格，供填写")
    template.add_argument("output", type=Path, metavar="OUT.xlsx", help="要写入的 Excel 文件")
    template.add_argument("--from", dest="source", type=Path, metavar="REPORT.yaml", help="用已有报告填好表格（便于修改）")

    importer = sub.add_parser("import", help="把填好的 Excel 表格或已发布的文档（Word、Excel、PDF、网页、文本）转为 YAML 草稿，"
                                             "可一次导入多个文件或文件夹")
    importer.add_argument("inputs", type=Path, nargs="+", metavar="FILE",
                          help=".docx、.xlsx、.pdf、.html、.htm、.txt 或 .md 文件，或包含它们的文件夹")
    importer.add_argument("-o", "--output", type=Path, metavar="OUT.yaml", help="输出文件（只导入一个文件时；默认 data/<年度>/<部门标识>.yaml）")
    importer.add_argument("--data", type=Path, default=DEFAULT_DATA, help="草稿写入的数据目录（默认 data/）")
    importer.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它")
    importer.add_argument("--include-hidden", action="store_true", help="也导入隐藏的工作表、行、列和看不见的文字（仍会警告）")

    new = sub.add_parser("new", help="为一个部门的一个年度生成带注释的 YAML，供填写")
    new.add_argument("--year", type=int, required=True, help="年度，如 2022")
    new.add_argument("--department", required=True, help="部门名称，如 黄石市商务局")
    new.add_argument("--slug", help="部门标识（默认沿用已有年度的，或由名称的拼音生成）")
    new.add_argument("--project", help="项目名称：给出时生成项目支出绩效自评")
    new.add_argument("--data", type=Path, default=DEFAULT_DATA, help="数据目录（默认 data/）")

    schema = sub.add_parser("schema", help="输出报告数据的 JSON Schema（编辑器用它提供补全）")
    schema.add_argument("-o", "--output", type=Path, help="写入文件（默认 data/report.schema.json）")

    pages = sub.add_parser("pages-check", help="检查已生成的网站能否发布到 GitHub Pages（不超过 1 GB）")
    pages.add_argument("--site-dir", type=Path, default=DEFAULT_SITE, help="已生成的网站目录（默认 site/）")

    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    commands = {"check": cmd_check, "build": cmd_build, "serve": cmd_serve, "schema": cmd_schema,
                "new": cmd_new, "template": cmd_template, "import": cmd_import, "pages-check": cmd_pages_check}
    return commands[args.command](args)


def _data_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="数据目录（默认 data/）")


def report_problems(problems: list[Problem]) -> None:
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for p in problems:
        print(p.annotation() if in_actions else p, file=sys.stderr)


def _load_and_report(args) -> tuple[Loaded, bool]:
    loaded = load(args.data)
    report_problems(loaded.problems)
    failed = bool(loaded.errors) or (args.strict and bool(loaded.warnings))
    summary = f"检查了 {loaded.files} 份报告：{len(loaded.errors)} 个错误，{len(loaded.warnings)} 个警告。"
    print(summary, file=sys.stderr if failed else sys.stdout)
    if failed and loaded.warnings and not loaded.errors:
        print("使用了 --strict：警告也视为错误。", file=sys.stderr)
    return loaded, failed


def cmd_pages_check(args) -> int:
    from .pages_size import check

    fits, message = check(args.site_dir)
    print(message, file=sys.stdout if fits else sys.stderr)
    return 0 if fits else 1


def cmd_check(args) -> int:
    _, failed = _load_and_report(args)
    return 1 if failed else 0


def cmd_build(args) -> int:
    loaded, failed = _load_and_report(args)
    if failed:
        print(f"未生成网站；原有的 {args.site_dir} 保持不变。", file=sys.stderr)
        return 1
    # The site's own modules (pandas, charts, MkDocs) only now: `check` never loads them.
    from .engine import build_site
    from .generate import generated_files, prepare_docs, set_build_date

    # `kill` stops a build as Ctrl+C does: its temporary folders are removed, site/ stays whole.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        refuse_unsafe_outputs(args.data, args.site_dir, args.docs_dir, ROOT)
        with exclusive(args.site_dir, args.docs_dir):
            set_build_date(loaded.entries)
            site_url = args.site_url if args.site_url is not None else os.environ.get("SITE_URL") or None
            count, sample = len(loaded.entries), loaded.sample
            written, removed = prepare_docs(args.docs_dir, generated_files(loaded.entries, site_url))
            del loaded  # MkDocs needs only the Markdown now: free the reports before it reads every page
            build_site(args.docs_dir, args.site_dir, site_url, sample=sample, engine=args.engine)
    except (BuildError, Busy, Unsafe) as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"已中断；原有的 {args.site_dir} 保持不变。", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    print(f"已生成网站：{args.site_dir}（{count} 份报告；更新 {written} 个生成文件，删除 {removed} 个）。")
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def cmd_new(args) -> int:
    from .scaffold import new_report

    try:
        path = new_report(args.data, args.year, args.department, args.slug, args.project)
    except FileExistsError as e:
        print(f"错误：{e} 已存在，未改动。要修改它请直接编辑。", file=sys.stderr)
        return 1
    except ValueError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"错误：无法写入 {e.filename or args.data}（{_os_reason(e)}）。请检查 --data 指向的目录。", file=sys.stderr)
        return 1
    print(f"已生成 {path}。按注释填写后运行 .venv/bin/python -m generator check。")
    return 0


def cmd_template(args) -> int:
    from .importers.workbook import write_workbook
    from .readers import read_yaml
    from .validate import validate

    if args.output.suffix.lower() != ".xlsx":
        print("错误：输出文件应以 .xlsx 结尾。", file=sys.stderr)
        return 2
    data = None
    if args.source:
        try:
            data = validate(read_yaml(args.source)).report.model_dump(mode="json")
        except DataError as e:
            report_problems(e.problems)
            return 1
    try:
        write_workbook(args.output, data)
    except OSError as e:
        print(f"错误：无法写入 {args.output}（{_os_reason(e)}）。请确认所在的目录存在且可以写入。", file=sys.stderr)
        return 1
    print(f"已写入 {args.output}。填好后运行：.venv/bin/python -m generator import {shlex.quote(str(args.output))}")
    return 0


def cmd_import(args) -> int:
    """Import forms (.xlsx) and published documents (.txt/.docx), one or many; a file that cannot
    be read safely is refused with its problems listed, nothing is written for it, and the
    command ends with status 1."""
    from .importers import import_many

    if args.output and (len(args.inputs) != 1 or args.inputs[0].is_dir()):
        print("错误：-o 只能在导入一个文件时使用；导入多个文件时，草稿按年度和部门写入 data/。", file=sys.stderr)
        return 2
    if args.output and args.output.is_dir():
        print(f"错误：-o 应是一个 .yaml 文件，{args.output} 是目录。", file=sys.stderr)
        return 2
    if args.data.exists() and not args.data.is_dir():
        print(f"错误：--data 应是数据目录，{args.data} 是一个文件。", file=sys.stderr)
        return 2
    return import_many(args.inputs, args.output, args.data, force=args.force,
                       include_hidden=getattr(args, "include_hidden", False), report_problems=report_problems)


def _os_reason(e: OSError) -> str:
    """Why the system refused, in words staff read."""
    return {2: "目录不存在", 13: "没有权限", 20: "路径中有一段不是目录", 21: "这是一个目录", 28: "磁盘已满",
            98: "地址已被占用"}.get(e.errno or 0, "系统拒绝了这次写入")


def cmd_schema(args) -> int:
    out = args.output or DEFAULT_DATA / "report.schema.json"
    out.write_text(json_schema_text(), encoding="utf-8")
    print(f"已写入 {out}")
    return 0


def cmd_serve(args) -> int:
    from .preview import serve

    host, _, port = args.dev_addr.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        print(f"错误：--dev-addr 应写成 地址:端口，如 127.0.0.1:8000；{args.dev_addr} 不是。", file=sys.stderr)
        return 2
    try:
        return serve(args.data, args.dev_addr, report_problems)
    except OSError as e:
        if e.errno != 98:
            raise
        print(f"错误：{args.dev_addr} 已被占用（另一个预览可能还在运行）。请关掉它，或用 --dev-addr 换一个端口。", file=sys.stderr)
        return 1
