<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>kiosk</name>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="44"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="45"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="46"/>
        <source>中文</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="47"/>
        <source>Switch to Chinese</source>
        <translation>切换到英文</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="48"/>
        <source>Large text</source>
        <translation>大字模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="49"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="50"/>
        <source>Low reach (wheelchair)</source>
        <translation>低位操作（轮椅）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="51"/>
        <source>Touch to start</source>
        <translation>触摸屏幕 开始探索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="52"/>
        <source>Still there?</source>
        <translation>还在浏览吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="53"/>
        <source>Touch the screen to keep exploring</source>
        <translation>触摸屏幕继续浏览</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="54"/>
        <source>%n second(s) until the kiosk starts over</source>
        <translation>
            <numerusform>%n 秒后回到开始画面</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="57"/>
        <source>{body}: {countdown}</source>
        <translation>{countdown} · {body}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="58"/>
        <source>Continue</source>
        <translation>继续浏览</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="59"/>
        <source>Forum themes</source>
        <translation>论坛主题</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="60"/>
        <source>Achievements</source>
        <translation>重要成果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="61"/>
        <source>Bonded Zone</source>
        <translation>中关村综保区</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="62"/>
        <source>Beijing in figures</source>
        <translation>数说北京</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="63"/>
        <location filename="../../kiosk/ui/strings.py" line="70"/>
        <source>Voices</source>
        <translation>嘉宾观点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="64"/>
        <source>Six threads of the forum</source>
        <translation>六大板块 回顾论坛</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="65"/>
        <source>Breakthroughs released</source>
        <translation>前沿成果 一览无余</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="66"/>
        <location filename="../../kiosk/ui/strings.py" line="75"/>
        <source>Five functional areas</source>
        <translation>五大功能区</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="67"/>
        <source>The numbers of an innovation city</source>
        <translation>创新之城的关键数字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="68"/>
        <source>What speakers said</source>
        <translation>科学家与企业家的声音</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="69"/>
        <source>Related achievements</source>
        <translation>相关成果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="71"/>
        <source>What it is</source>
        <translation>是什么</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="72"/>
        <source>Who made it</source>
        <translation>谁研制</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="73"/>
        <source>Why it matters</source>
        <translation>为何重要</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="74"/>
        <source>Details</source>
        <translation>详细介绍</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="76"/>
        <source>Three innovations</source>
        <translation>三大创新</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="77"/>
        <source>Timeline</source>
        <translation>发展历程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="78"/>
        <source>What happens here</source>
        <translation>在这里做什么</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="79"/>
        <source>Who uses it</source>
        <translation>谁在这里</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="80"/>
        <source>How it connects to bonded R&amp;D</source>
        <translation>与保税研发的关系</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="81"/>
        <source>In their words</source>
        <translation>原话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="82"/>
        <source>What they said</source>
        <translation>观点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="83"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="84"/>
        <source>Scan to read more</source>
        <translation>扫码阅读全文</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="85"/>
        <source>About the forum</source>
        <translation>关于论坛</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="86"/>
        <source>Co-hosts</source>
        <translation>共同主办单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="87"/>
        <source>The six parts of the forum</source>
        <translation>论坛六大板块</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="88"/>
        <source>The report</source>
        <translation>报道原文</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="89"/>
        <source>Touch a number to see where it comes from</source>
        <translation>触摸数字，查看数据来源</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="90"/>
        <source>Benchmarked against</source>
        <translation>对标国际先进科创中心</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="91"/>
        <source>Touch an area to learn more</source>
        <translation>触摸功能区，了解详情</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="92"/>
        <source>Approval</source>
        <translation>获批设立</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="93"/>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="94"/>
        <source>Touch a tile below to explore</source>
        <translation>触摸下方板块，开始探索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="95"/>
        <source>Swipe to browse</source>
        <translation>左右滑动切换</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="96"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="97"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="99"/>
        <source>Source: {source}</source>
        <translation>数据来源：{source}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="100"/>
        <source>Staff only</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="101"/>
        <source>Enter the admin PIN</source>
        <translation>请输入管理员密码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="102"/>
        <source>Wrong PIN, %n tries left</source>
        <translation>
            <numerusform>密码错误，还可尝试 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="103"/>
        <source>Locked: try again in %n second(s)</source>
        <translation>
            <numerusform>已锁定，请 %n 秒后再试</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="104"/>
        <source>A PIN is 4 to 8 digits (0–9)</source>
        <translation>密码为 4 至 8 位数字（0–9）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="105"/>
        <source>The new PIN must differ from the first-run PIN</source>
        <translation>新密码不能与初始密码相同</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="114"/>
        <source>Idle time: %n second(s)</source>
        <translation>
            <numerusform>无操作等待时间：%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="122"/>
        <source>Content has problems; kept the last good one: {problem}</source>
        <translation>内容有误，仍显示原内容：{problem}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="125"/>
        <source>Today: %n visitor(s), {length} on average; most viewed: {top}</source>
        <translation>
            <numerusform>今日：%n 位访客，平均停留 {length}；最常浏览：{top}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="135"/>
        <source>Opening hours: {hours}</source>
        <translation>开放时间：{hours}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="136"/>
        <source>{first}, {last}</source>
        <translation>{first}、{last}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="137"/>
        <source>{first}–{last}</source>
        <translation>{first}至{last}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="139"/>
        <source>d MMMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="140"/>
        <source>Out of order</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="141"/>
        <source>This exhibit is being looked after. Please come back later.</source>
        <translation>本展项正在维护，请稍后再来。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="144"/>
        <source>Illustration</source>
        <translation>示意插图</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="145"/>
        <source>Image not available</source>
        <translation>图片暂缺</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="146"/>
        <source>Zhongguancun Forum 2023</source>
        <translation>中关村论坛 2023</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="148"/>
        <source>{en}  {zh}</source>
        <translation>{zh}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="149"/>
        <source>kiosk statistics, {span}</source>
        <translation>展项统计，{span}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="150"/>
        <source>since {day}</source>
        <translation>自 {day} 起</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="151"/>
        <source>all recorded days</source>
        <translation>全部记录日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="152"/>
        <source>No visitors recorded in this period.</source>
        <translation>此期间没有访客记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="153"/>
        <source>Sessions: {sessions}; average length {length} ({active} to the last touch); {views} screen views; {touches} touches</source>
        <translation>访问：{sessions} 次；平均时长 {length}（至最后一次触摸 {active}）；浏览画面 {views} 次；触摸 {touches} 次</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="158"/>
        <source>Sessions per day</source>
        <translation>每日访问</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="159"/>
        <source>Sessions per hour of day (by start)</source>
        <translation>各时段访问（按开始时间）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="160"/>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="161"/>
        <source>sessions</source>
        <translation>访问</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="162"/>
        <source>avg length</source>
        <translation>平均时长</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="163"/>
        <source>views</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="164"/>
        <source>touches</source>
        <translation>触摸</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="165"/>
        <source>screen</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="166"/>
        <source>dwell</source>
        <translation>停留</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="167"/>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="168"/>
        <source>Top screens by views</source>
        <translation>浏览最多的画面</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="169"/>
        <source>Top screens by dwell time</source>
        <translation>停留最久的画面</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="170"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="171"/>
        <source>sessions started in {langs}</source>
        <translation>以各语言开始的访问：{langs}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="172"/>
        <source>sessions that used {language}: {n}</source>
        <translation>使用过{language}的访问：{n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="173"/>
        <source>screen views in {langs}</source>
        <translation>各语言的画面浏览：{langs}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="174"/>
        <source>Accessibility modes (sessions that used them)</source>
        <translation>无障碍模式（使用过的访问）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="175"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="176"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="177"/>
        <source>Touch heatmap</source>
        <translation>触摸热区</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="178"/>
        <source>%n touch(es) on every screen, drawn over Home ({columns}×{rows} cells of the window)</source>
        <translation>
            <numerusform>所有画面共 %n 次触摸，绘于首页之上（窗口分为 {columns}×{rows} 格）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="184"/>
        <source>touches per cell</source>
        <translation>每格触摸次数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="185"/>
        <source>{label}: {text}</source>
        <translation>{label}：{text}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="186"/>
        <source>{date}: {title}. {text}</source>
        <translation>{date}：{title}。{text}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="187"/>
        <source>{area} on the site plan of {zone}</source>
        <translation>{zone}平面图上的{area}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="188"/>
        <source>Slide {index} of {count}</source>
        <translation>第{index}张，共{count}张</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="189"/>
        <source>Read aloud</source>
        <translation>语音播报</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="108"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="98"/>
        <source>Turned over to its source: {source}</source>
        <translation>已翻面，显示数据来源：{source}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="109"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="110"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="111"/>
        <source>Admin menu</source>
        <translation>管理菜单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="112"/>
        <source>Exit the kiosk</source>
        <translation>退出展项程序</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="113"/>
        <source>Reload content</source>
        <translation>重新载入内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="115"/>
        <source>Change PIN</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="116"/>
        <source>Enter a new PIN (4–8 digits)</source>
        <translation>请输入新密码（4–8 位数字）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="117"/>
        <source>Enter the new PIN again</source>
        <translation>请再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="118"/>
        <source>PIN changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="119"/>
        <source>The PINs differ</source>
        <translation>两次输入不一致</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="120"/>
        <source>First login: set a new PIN</source>
        <translation>首次登录：请设置新密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="121"/>
        <source>Back to the kiosk</source>
        <translation>返回展项</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="128"/>
        <source>Closed</source>
        <translation>暂停开放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="129"/>
        <source>Please come back during opening hours.</source>
        <translation>展项已闭馆，欢迎开放时间再来。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="130"/>
        <source>Opens today at {time}</source>
        <translation>今天 {time} 开放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="131"/>
        <source>Opens tomorrow at {time}</source>
        <translation>明天 {time} 开放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="132"/>
        <source>Opens {weekday} at {time}</source>
        <translation>{weekday} {time} 开放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="133"/>
        <source>Opens on {date} at {time}</source>
        <translation>{date} {time} 开放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="134"/>
        <source>Opening times to be announced</source>
        <translation>开放时间另行通知</translation>
    </message>
</context>
</TS>
