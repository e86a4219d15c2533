<?xml version="1.0" encoding="UTF-8"?>
<datastore>
<totalrecord>3</totalrecord>
<recordset>
<record><![CDATA[<li><a href='/jyj/tzgg/n1.html' title='关于做好2027年春季学期中小学招生准备工作的通知' target='_blank'>关于做好2027年春季学期中小学招生准备工作的通知</a><span class='date'>{{date:-9}}</span></li>]]></record>
<record><![CDATA[<li><a href='/jyj/tzgg/n3.html' title='临江县2026年秋季学期家庭经济困难学生资助名单公示' target='_blank'>临江县2026年秋季学期家庭经济困难学生资助名单公示</a><span class='date'>{{date:-15}}</span></li>]]></record>
<record><![CDATA[<li><a href='/jyj/tzgg/n2.html' title='关于公布2026年县级优秀教师名单的公示' target='_blank'>关于公布2026年县级优秀教师名单的公示</a><span class='date'>{{date:-40}}</span></li>]]></record>
</recordset>
</datastore>
