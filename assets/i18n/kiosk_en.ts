<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>kiosk</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="54"/>
        <source>%n second(s) until the kiosk starts over</source>
        <translation>
            <numerusform>%n second until the kiosk starts over</numerusform>
            <numerusform>%n seconds until the kiosk starts over</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="102"/>
        <source>Wrong PIN, %n tries left</source>
        <translation>
            <numerusform>Wrong PIN, %n try left</numerusform>
            <numerusform>Wrong PIN, %n tries left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="103"/>
        <source>Locked: try again in %n second(s)</source>
        <translation>
            <numerusform>Locked: try again in %n second</numerusform>
            <numerusform>Locked: try again in %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="114"/>
        <source>Idle time: %n second(s)</source>
        <translation>
            <numerusform>Idle time: %n second</numerusform>
            <numerusform>Idle time: %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="125"/>
        <source>Today: %n visitor(s), {length} on average; most viewed: {top}</source>
        <translation>
            <numerusform>Today: %n visitor, {length} on average; most viewed: {top}</numerusform>
            <numerusform>Today: %n visitors, {length} on average; most viewed: {top}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/strings.py" line="178"/>
        <source>%n touch(es) on every screen, drawn over Home ({columns}×{rows} cells of the window)</source>
        <translation>
            <numerusform>%n touch on every screen, drawn over Home ({columns}×{rows} cells of the window)</numerusform>
            <numerusform>%n touches on every screen, drawn over Home ({columns}×{rows} cells of the window)</numerusform>
        </translation>
    </message>
</context>
</TS>
