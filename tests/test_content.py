"""The content model: the bundled content is complete and clean; bad content gives clear lines."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.adapters import resources
from kiosk.commands.check import check_command
from kiosk.content import Content, ContentError, Environment, Problem, check, load
from kiosk.system.paths import bundled_content_dir


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A writable copy of the bundled content."""
    dest = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), dest)
    return dest


def problems_of(folder: Path) -> list[Problem]:
    return check(folder, Environment(resource_exists=resources.exists))[1]


def edit(path: Path, pattern: str, replacement: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(pattern, replacement, text, count=count, flags=re.M)
    assert n == count, f"pattern {pattern!r} not found in {path.name}"
    path.write_text(new, encoding="utf-8")


def test_bundled_content_is_clean(content: Content) -> None:
    assert check(bundled_content_dir())[1] == []
    assert content.forum.theme.zh == "开放合作·共享未来"


def test_bundled_content_has_every_section(content: Content) -> None:
    assert [t.id for t in sorted(content.themes, key=lambda t: t.number)] == [
        "consensus",
        "frontier",
        "sharing",
        "strategic-forces",
        "innovation-capacity",
        "ecosystem",
    ]
    assert len(content.forum.cohosts) == 8
    assert len(content.forum.parts) == 6
    assert len(content.voices) == 16
    assert len(content.zone.areas) == 5
    assert len(content.zone.innovations) == 3
    assert [t.id for t in content.zone.spectrum.tiers] == ["zone-core", "zone-focus", "zone-n"]
    assert len(content.photos) == 4
    achievement_ids = {a.id for a in content.achievements}
    assert {
        "kuafu-1",
        "quantum-cloud",
        "proton-cyclotron",
        "foldable-glass",
        "artificial-sun",
        "three-photon-microscope",
        "open-radio-platform",
        "frontier-competition",
        "technology-trading",
        "scifi-convention",
        "report-beijing-assessment",
        "report-talent-stickiness",
    } <= achievement_ids


def _all_text(content: Content) -> str:
    return repr(content)


@pytest.mark.parametrize(
    "fact",
    [
        "86",
        "5000",
        "1160",
        "650",
        "2500",
        "127",
        "129",
        "810",
        "6.5",
        "2.7",
        "218",
        "29",
        "78",
        "80",
        "293",
        "3202.3",
        "1.9",
        "0.4",
        "66",
        "98",
        "50",
        "175",
        "26",
        "施一公",
        "李彦宏",
        "阿德姆·帕塔普蒂安",
        "于英杰",
        "甘为群",
        "王磊",
        "安永军",
        "李焱",
        "徐剑",
        "刘会师",
        "张继红",
        "邬贺铨",
        "张宇蕾",
        "周逵",
        "武凯",
        "综合办公功能区",
        "查验功能区",
        "研发设计功能区",
        "检测服务功能区",
        "物流服务功能区",
        "温泉镇",
        "集成电路",
        "医药健康",
        "人工智能",
        "科技服务",
        "跨境电商",
        "融资租赁",
        "夸父",
        "深势科技",
        "蜜农",
        "强盛分析仪器",
        "流浪地球",
        "独行月球",
        "哪吒",
        "量子反常霍尔效应",
        "马约拉纳任意子",
        "细胞焦亡",
        "纽约",
        "新加坡",
        "贺勇",
        "伊雷",
        "王昊男",
        "开放合作·共享未来",
        "国际化、前沿性、全方位",
    ],
)
def test_source_facts_are_in_the_content(content: Content, fact: str) -> None:
    assert fact in _all_text(content)


def test_loading_reports_problems_as_an_exception(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as info:
        load(tmp_path)
    assert "no content files" in str(info.value.problems[0])


# --- Bad content: each slip gives a clear one-line problem -----------------------------------


def test_syntax_slip_names_file_and_line(folder: Path) -> None:
    edit(folder / "themes.toml", r"^(id = \"frontier\")$", r"id \"frontier\"")
    problems = problems_of(folder)
    assert len(problems) == 1
    assert problems[0].file == "themes.toml"
    assert problems[0].line is not None
    assert "syntax error" in str(problems[0])
    assert str(problems[0]).startswith(f"themes.toml:{problems[0].line}: ")


def test_missing_english_text(folder: Path) -> None:
    edit(folder / "achievements.toml", r'^(title = \{ zh = "[^"]*"), en = "[^"]*" \}', r"\1 }")
    problems = problems_of(folder)
    assert [str(p) for p in problems] == [
        "achievements.toml: achievements[0].title.en: missing English text"
    ]


def test_empty_chinese_text(folder: Path) -> None:
    edit(folder / "voices.toml", r'^quote = \{ zh = "[^"]*"', 'quote = { zh = "  "')
    assert [str(p) for p in problems_of(folder)] == [
        "voices.toml: voices[0].quote.zh: empty Chinese text"
    ]


def test_duplicate_id(folder: Path) -> None:
    edit(folder / "voices.toml", r'^id = "li-yanhong"$', 'id = "shi-yigong"')
    problems = problems_of(folder)
    assert any(
        p.file == "voices.toml"
        and p.path == "voices[1].id"
        and "duplicate id 'shi-yigong'" in p.message
        for p in problems
    )


def test_missing_bundled_image(folder: Path) -> None:
    edit(folder / "photos.toml", r":/illustrations/photo-vr\.svg", ":/illustrations/no-such.svg")
    assert [str(p) for p in problems_of(folder)] == [
        "photos.toml: photos[1].image.src: no bundled resource :/illustrations/no-such.svg"
    ]


def test_missing_photo_file(folder: Path) -> None:
    edit(folder / "photos.toml", r":/illustrations/photo-vr\.svg", "photos/vr.jpg")
    assert [str(p) for p in problems_of(folder)] == [
        "photos.toml: photos[1].image.src: image file not found: photos/vr.jpg"
    ]
    (folder / "photos").mkdir()
    (folder / "photos" / "vr.jpg").write_bytes(b"\xff\xd8\xff")
    assert problems_of(folder) == []


def test_image_path_may_not_leave_the_folder(folder: Path) -> None:
    edit(folder / "photos.toml", r":/illustrations/photo-vr\.svg", "../../etc/passwd")
    assert "must stay inside the content folder" in str(problems_of(folder)[0])


def test_broken_cross_reference(folder: Path) -> None:
    edit(folder / "voices.toml", r'^theme = "consensus"$', 'theme = "consensu"')
    assert [str(p) for p in problems_of(folder)] == [
        "voices.toml: voices[0].theme: refers to 'consensu', which does not exist"
    ]


def test_reference_to_the_wrong_kind(folder: Path) -> None:
    edit(folder / "voices.toml", r'^theme = "consensus"$', 'theme = "kuafu-1"')
    assert "which is not one of the themes" in str(problems_of(folder)[0])


def test_unknown_key(folder: Path) -> None:
    edit(folder / "voices.toml", r'^id = "shi-yigong"$', 'id = "shi-yigong"\ntitel = "x"')
    problem = problems_of(folder)[0]
    assert (problem.file, problem.path) == ("voices.toml", "voices[0].titel")
    assert problem.message.startswith("unknown key")


def test_wrong_type(folder: Path) -> None:
    edit(folder / "themes.toml", r"^number = 1$", 'number = "one"')
    assert [str(p) for p in problems_of(folder)] == [
        "themes.toml: themes[0].number: expected a whole number, found text"
    ]


def test_character_missing_from_the_font(folder: Path) -> None:
    edit(folder / "voices.toml", r'^quote = \{ zh = "', 'quote = { zh = "\U00020000')
    glyphs = frozenset(range(0x20, 0x20000)) | frozenset(range(0x20001, 0x30000))
    _, problems = check(folder, Environment(glyphs=glyphs))
    assert [str(p) for p in problems] == [
        "voices.toml: voices[0].quote.zh: character '\U00020000' (U+20000) is not in the "
        "bundled font"
    ]


def test_chinese_in_english_text(folder: Path) -> None:
    edit(folder / "voices.toml", r'(^name = \{ zh = "[^"]*", en = ")', r"\1施")
    assert [str(p) for p in problems_of(folder)] == [
        "voices.toml: voices[0].name.en: English text contains Chinese characters"
    ]


def test_garbage_bytes(folder: Path) -> None:
    (folder / "voices.toml").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00garbage")
    problems = problems_of(folder)
    assert [str(p) for p in problems] == ["voices.toml:1: not UTF-8 text (byte 0x89 at offset 0)"]


def test_truncated_file(folder: Path) -> None:
    path = folder / "achievements.toml"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    problems = problems_of(folder)
    assert problems, "a truncated file must be reported"
    assert all(p.file in ("achievements.toml", "themes.toml") for p in problems)


def test_section_defined_twice(folder: Path) -> None:
    (folder / "zz-extra.toml").write_text('[[voices]]\nid = "x"\n', encoding="utf-8")
    assert [str(p) for p in problems_of(folder)] == [
        "zz-extra.toml: voices: section also defined in voices.toml"
    ]


def test_missing_section(folder: Path) -> None:
    (folder / "zone.toml").unlink()
    assert [str(p) for p in problems_of(folder) if "missing section" in p.message] == [
        f"{folder}: zone: missing section (in no file)"
    ]


def test_empty_folder(tmp_path: Path) -> None:
    assert [str(p) for p in problems_of(tmp_path)] == [
        f"{tmp_path}: no content files (*.toml) in this folder"
    ]


# --- kiosk check: exit codes and output ------------------------------------------------------


def test_check_command_passes_on_bundled_content(
    qapp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check_command(None, fit=False) == 0
    out = capsys.readouterr().out
    assert "no problems" in out


@pytest.mark.parametrize("damage", ["garbage", "empty", "syntax"])
def test_check_command_fails_with_one_line_per_problem(
    qapp: object, folder: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if damage == "garbage":
        (folder / "forum.toml").write_bytes(bytes(range(256)))
    elif damage == "empty":
        for path in folder.iterdir():
            path.unlink()
    else:
        edit(folder / "zone.toml", r"^\[zone\]$", "[zone")
    assert check_command(folder, fit=False) == 1
    out = capsys.readouterr().out
    assert out.strip(), "problems must be printed"
    assert "Traceback" not in out
    for line in out.strip().splitlines():
        assert re.match(r"^\S.*: .+", line), line


def test_check_reports_text_that_does_not_fit(qapp: object, folder: Path) -> None:
    """A title too long for its card on the portrait screen is reported with its field path."""
    from kiosk.commands.fit import fit_problems

    long_title = "An Extraordinarily Long Title " * 6
    edit(
        folder / "achievements.toml",
        r'^(title = \{ zh = "[^"]*", en = ")[^"]*',
        rf"\g<1>{long_title}",
    )
    content = check(folder, Environment(resource_exists=resources.exists))[0]
    assert content is not None
    problems = fit_problems(content, sizes=[(1080, 1920)], langs=["en"])
    assert any(
        p.file == "achievements.toml"
        and p.path == "achievements[0].title"
        and "text cut" in p.message
        for p in problems
    ), [str(p) for p in problems]


def test_check_reports_a_word_broken_inside_itself(qapp: object, folder: Path) -> None:
    """A word longer than its line is broken inside itself: reported with its field path."""
    from kiosk.commands.fit import fit_problems

    word = "Supercalifragilisticexpialidociousnesses" * 2
    edit(
        folder / "themes.toml", r'^(summary = \{ zh = "[^"]*", en = ")[^"]*', rf"\g<1>A {word} here"
    )
    content = check(folder, Environment(resource_exists=resources.exists))[0]
    assert content is not None
    problems = fit_problems(content, sizes=[(1080, 1920)], langs=["en"], large=[False])
    assert any(
        p.file == "themes.toml" and ".summary" in p.path and "word broken inside" in p.message
        for p in problems
    ), [str(p) for p in problems]


@pytest.mark.slow
def test_the_bundled_content_lays_out_cleanly_everywhere(content: Content) -> None:
    """kiosk check's layout pass: every screen, four sizes, both languages, normal and large
    text: nothing cut, no word broken inside, no character alone, no name split."""
    from kiosk.commands.fit import fit_problems

    problems = fit_problems(content)
    assert problems == [], "\n".join(str(p) for p in problems[:20])


# --- Content ids the screens show are named by the content, and checked ----------------------


def test_the_hero_photo_and_the_plan_figure_are_named_by_the_content(content: Content) -> None:
    assert content.forum.hero_photo == "photo-exterior"
    assert content.photo(content.forum.hero_photo).id == "photo-exterior"
    assert content.zone.plan_figure in {f.id for f in content.zone.figures}


def test_a_hero_photo_that_does_not_exist(folder: Path) -> None:
    edit(folder / "forum.toml", r'^hero_photo = "photo-exterior"$', 'hero_photo = "photo-exterio"')
    assert [str(p) for p in problems_of(folder)] == [
        "forum.toml: forum.hero_photo: refers to 'photo-exterio', which does not exist"
    ]


def test_a_hero_photo_that_is_not_a_photo(folder: Path) -> None:
    edit(folder / "forum.toml", r'^hero_photo = "photo-exterior"$', 'hero_photo = "frontier"')
    assert [str(p) for p in problems_of(folder)] == [
        "forum.toml: forum.hero_photo: refers to 'frontier', which is not one of the photos"
    ]


def test_a_plan_figure_that_is_not_a_zone_figure(folder: Path) -> None:
    edit(folder / "zone.toml", r'^plan_figure = "zone-planned-area"$', 'plan_figure = "frontier"')
    assert [str(p) for p in problems_of(folder)] == [
        "zone.toml: zone.plan_figure: refers to 'frontier', which is not one of the zone's figures"
    ]


def test_the_hero_photo_and_the_plan_figure_are_optional(folder: Path) -> None:
    edit(folder / "forum.toml", r'^hero_photo = "photo-exterior"$', "")
    edit(folder / "zone.toml", r'^plan_figure = "zone-planned-area"$', "")
    content, problems = check(folder, Environment(resource_exists=resources.exists))
    assert problems == [] and content is not None
    assert content.forum.hero_photo is None and content.zone.plan_figure is None
