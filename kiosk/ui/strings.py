"""Bilingual UI strings (content strings come from the content)."""

from __future__ import annotations

from kiosk.content import Lang, Text

STRINGS: dict[str, Text] = {
    "home": Text("首页", "Home"),
    "back": Text("返回", "Back"),
    "language": Text("English", "中文"),
    "language.name": Text("切换到英文", "Switch to Chinese"),
    "touch_to_start": Text("触摸屏幕 开始探索", "Touch to start"),
    "still_there": Text("还在浏览吗？", "Still there?"),
    "still_there.body": Text("触摸屏幕继续浏览", "Touch the screen to keep exploring"),
    "still_there.seconds": Text("秒后回到开始画面", "seconds until the kiosk starts over"),
    "section.themes": Text("论坛主题", "Forum themes"),
    "section.achievements": Text("重要成果", "Achievements"),
    "section.zone": Text("中关村综保区", "Bonded zone"),
    "section.beijing": Text("数说北京", "Beijing in figures"),
    "section.voices": Text("嘉宾观点", "Voices"),
    "section.themes.hint": Text("六大板块 回顾论坛", "Six threads of the forum"),
    "section.achievements.hint": Text("前沿成果 一览无余", "Breakthroughs released"),
    "section.zone.hint": Text("五大功能区", "Five functional areas"),
    "section.beijing.hint": Text("创新之城的关键数字", "The numbers of an innovation city"),
    "section.voices.hint": Text("科学家与企业家的声音", "What speakers said"),
    "explore": Text("探索", "Explore"),
    "related.achievements": Text("相关成果", "Related achievements"),
    "related.voices": Text("嘉宾观点", "Voices"),
    "what": Text("是什么", "What it is"),
    "who": Text("谁研制", "Who made it"),
    "why": Text("为何重要", "Why it matters"),
    "details": Text("详细介绍", "Details"),
    "zone.areas": Text("五大功能区", "Five functional areas"),
    "zone.innovations": Text("三大创新", "Three innovations"),
    "zone.timeline": Text("发展历程", "Timeline"),
    "zone.spectrum": Text("保税业务谱系", "Bonded business spectrum"),
    "zone.what": Text("在这里做什么", "What happens here"),
    "zone.who": Text("谁在这里", "Who uses it"),
    "zone.link": Text("与保税研发的关系", "How it connects to bonded R&D"),
    "voice.quote": Text("原话", "In their words"),
    "voice.paraphrase": Text("观点", "What they said"),
    "source": Text("来源", "Source"),
    "qr.caption": Text("扫码阅读全文", "Scan to read more"),
    "about.title": Text("关于论坛", "About the forum"),
    "about.cohosts": Text("共同主办单位", "Co-hosts"),
    "about.parts": Text("论坛六大板块", "The six parts of the forum"),
    "about.report": Text("报道原文", "The report"),
    "beijing.tap_hint": Text("触摸数字，查看数据来源", "Touch a number to see where it comes from"),
    "beijing.benchmarks": Text("对标国际先进科创中心", "Benchmarked against"),
    "zone.plan_hint": Text("触摸功能区，了解详情", "Touch an area to learn more"),
    "zone.about": Text("获批设立", "Approval"),
    "zone.next": Text("下一步", "Next steps"),
    "home.explore": Text("触摸下方板块，开始探索", "Touch a tile below to explore"),
    "swipe_hint": Text("左右滑动 切换", "Swipe to browse"),
    "pin.title": Text("管理员", "Staff only"),
    "pin.prompt": Text("请输入管理员密码", "Enter the admin PIN"),
    "pin.wrong": Text("密码错误，还可尝试 {n} 次", "Wrong PIN, {n} tries left"),
    "pin.locked": Text("已锁定，请 {n} 秒后再试", "Locked: try again in {n} s"),
    "pin.clear": Text("清除", "Clear"),
    "pin.ok": Text("确定", "OK"),
    "pin.cancel": Text("取消", "Cancel"),
    "admin.title": Text("管理菜单", "Admin menu"),
    "admin.exit": Text("退出展项程序", "Exit the kiosk"),
    "admin.reload": Text("重新载入内容", "Reload content"),
    "admin.idle": Text("无操作等待时间：{n} 秒", "Idle time: {n} s"),
    "admin.change_pin": Text("修改密码", "Change PIN"),
    "admin.new_pin": Text("请输入新密码（4–8 位数字）", "Enter a new PIN (4–8 digits)"),
    "admin.repeat_pin": Text("请再次输入新密码", "Enter the new PIN again"),
    "admin.pin_changed": Text("密码已修改", "PIN changed"),
    "admin.pin_mismatch": Text("两次输入不一致", "The PINs differ"),
    "admin.must_change": Text("首次登录：请设置新密码", "First login: set a new PIN"),
    "admin.close": Text("返回展项", "Back to the kiosk"),
    "admin.reloaded": Text("内容已重新载入", "Content reloaded"),
    "admin.content_problems": Text(
        "内容有误，仍显示原内容", "Content has problems; kept the last good one"
    ),
    "admin.more": Text("更多功能（后续版本）", "More (coming later)"),
}


def ui(key: str, lang: Lang, **values: object) -> str:
    """The UI string *key* in *lang*, with ``{name}`` placeholders filled from *values*."""
    text = STRINGS[key].get(lang)
    return text.format(**values) if values else text
