<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>kiosk</name>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="26"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="27"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="28"/>
        <source>中文</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="29"/>
        <source>Switch to Chinese</source>
        <translation>切换到英文</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="30"/>
        <source>Large text</source>
        <translation>大字模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="31"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="32"/>
        <source>Low reach (wheelchair)</source>
        <translation>低位操作（轮椅）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="33"/>
        <source>Touch to start</source>
        <translation>触摸屏幕 开始探索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="34"/>
        <source>Still there?</source>
        <translation>还在浏览吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="35"/>
        <source>Touch the screen to keep exploring</source>
        <translation>触摸屏幕继续浏览</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="36"/>
        <source>seconds until the kiosk starts over</source>
        <translation>秒后回到开始画面</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="37"/>
        <source>Forum themes</source>
        <translation>论坛主题</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="38"/>
        <source>Achievements</source>
        <translation>重要成果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="39"/>
        <source>Bonded zone</source>
        <translation>中关村综保区</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="40"/>
        <source>Beijing in figures</source>
        <translation>数说北京</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="41"/>
        <location filename="../../kiosk/ui/strings.py" line="49"/>
        <source>Voices</source>
        <translation>嘉宾观点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="42"/>
        <source>Six threads of the forum</source>
        <translation>六大板块 回顾论坛</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="43"/>
        <source>Breakthroughs released</source>
        <translation>前沿成果 一览无余</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="44"/>
        <location filename="../../kiosk/ui/strings.py" line="54"/>
        <source>Five functional areas</source>
        <translation>五大功能区</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="45"/>
        <source>The numbers of an innovation city</source>
        <translation>创新之城的关键数字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="46"/>
        <source>What speakers said</source>
        <translation>科学家与企业家的声音</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="47"/>
        <source>Explore</source>
        <translation>探索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="48"/>
        <source>Related achievements</source>
        <translation>相关成果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="50"/>
        <source>What it is</source>
        <translation>是什么</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="51"/>
        <source>Who made it</source>
        <translation>谁研制</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="52"/>
        <source>Why it matters</source>
        <translation>为何重要</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="53"/>
        <source>Details</source>
        <translation>详细介绍</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="55"/>
        <source>Three innovations</source>
        <translation>三大创新</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="56"/>
        <source>Timeline</source>
        <translation>发展历程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="57"/>
        <source>Bonded business spectrum</source>
        <translation>保税业务谱系</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="58"/>
        <source>What happens here</source>
        <translation>在这里做什么</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="59"/>
        <source>Who uses it</source>
        <translation>谁在这里</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="60"/>
        <source>How it connects to bonded R&amp;D</source>
        <translation>与保税研发的关系</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="61"/>
        <source>In their words</source>
        <translation>原话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="62"/>
        <source>What they said</source>
        <translation>观点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="63"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="64"/>
        <source>Scan to read more</source>
        <translation>扫码阅读全文</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="65"/>
        <source>About the forum</source>
        <translation>关于论坛</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="66"/>
        <source>Co-hosts</source>
        <translation>共同主办单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="67"/>
        <source>The six parts of the forum</source>
        <translation>论坛六大板块</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="68"/>
        <source>The report</source>
        <translation>报道原文</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="69"/>
        <source>Touch a number to see where it comes from</source>
        <translation>触摸数字，查看数据来源</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="70"/>
        <source>Benchmarked against</source>
        <translation>对标国际先进科创中心</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="71"/>
        <source>Touch an area to learn more</source>
        <translation>触摸功能区，了解详情</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="72"/>
        <source>Approval</source>
        <translation>获批设立</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="73"/>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="74"/>
        <source>Touch a tile below to explore</source>
        <translation>触摸下方板块，开始探索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="75"/>
        <source>Swipe to browse</source>
        <translation>左右滑动 切换</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="76"/>
        <source>Staff only</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="77"/>
        <source>Enter the admin PIN</source>
        <translation>请输入管理员密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="78"/>
        <source>Wrong PIN, {n} tries left</source>
        <translation>密码错误，还可尝试 {n} 次</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="79"/>
        <source>Locked: try again in {n} s</source>
        <translation>已锁定，请 {n} 秒后再试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="80"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="81"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="82"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="83"/>
        <source>Admin menu</source>
        <translation>管理菜单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="84"/>
        <source>Exit the kiosk</source>
        <translation>退出展项程序</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="85"/>
        <source>Reload content</source>
        <translation>重新载入内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="86"/>
        <source>Idle time: {n} s</source>
        <translation>无操作等待时间：{n} 秒</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="87"/>
        <source>Change PIN</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="88"/>
        <source>Enter a new PIN (4–8 digits)</source>
        <translation>请输入新密码（4–8 位数字）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="89"/>
        <source>Enter the new PIN again</source>
        <translation>请再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="90"/>
        <source>PIN changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="91"/>
        <source>The PINs differ</source>
        <translation>两次输入不一致</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="92"/>
        <source>First login: set a new PIN</source>
        <translation>首次登录：请设置新密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="93"/>
        <source>Back to the kiosk</source>
        <translation>返回展项</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="94"/>
        <source>Content reloaded</source>
        <translation>内容已重新载入</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="95"/>
        <source>Content has problems; kept the last good one</source>
        <translation>内容有误，仍显示原内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="98"/>
        <source>Today: {sessions} visitors, {length} on average; most viewed: {top}</source>
        <translation>今日：{sessions} 位访客，平均停留 {length}；最常浏览：{top}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="101"/>
        <source>Closed</source>
        <translation>暂停开放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="102"/>
        <source>Please come back during opening hours.</source>
        <translation>展项已闭馆，欢迎开放时间再来。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="103"/>
        <source>Opens today at {time}</source>
        <translation>今天 {time} 开放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="104"/>
        <source>Opens tomorrow at {time}</source>
        <translation>明天 {time} 开放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="105"/>
        <source>Opens {weekday} at {time}</source>
        <translation>{weekday} {time} 开放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="106"/>
        <source>Opens on {date} at {time}</source>
        <translation>{date} {time} 开放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="107"/>
        <source>Opening times to be announced</source>
        <translation>开放时间另行通知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="108"/>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="109"/>
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="110"/>
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="111"/>
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="112"/>
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="113"/>
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="114"/>
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="115"/>
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="116"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="117"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="118"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="119"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="120"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="121"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="122"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/strings.py" line="123"/>
        <source>More (coming later)</source>
        <translation>更多功能（后续版本）</translation>
    </message>
</context>
</TS>
