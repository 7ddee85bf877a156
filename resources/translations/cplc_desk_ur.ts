<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts — CPLC Desk</source>
        <translation>اکاؤنٹس — سی پی ایل سی ڈیسک</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Account</source>
        <translation>اکاؤنٹ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ذمہ داری</translation>
    </message>
    <message>
        <source>State</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>اکاؤنٹ شامل کریں</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>یوزر نیم:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>پورا نام:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>ذمہ داری:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>پاس ورڈ:</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>غیر فعال کریں</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>فعال کریں</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>نیا پاس ورڈ</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>پاس ورڈ دوبارہ مقرر کریں</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>ذمہ داری تبدیل کریں</translation>
    </message>
    <message>
        <source> min</source>
        <translation> منٹ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <source>Lock the window after this long without use:</source>
        <translation>اتنی دیر استعمال نہ ہونے پر ونڈو لاک ہو جائے:</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>غیر فعال</translation>
    </message>
    <message>
        <source>locked until {time}</source>
        <translation>⁨{time}⁩ تک لاک</translation>
    </message>
    <message>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Account {name} added.</source>
        <translation>اکاؤنٹ ⁨{name}⁩ شامل کر دیا گیا۔</translation>
    </message>
    <message>
        <source>Account {name} changed.</source>
        <translation>اکاؤنٹ ⁨{name}⁩ تبدیل کر دیا گیا۔</translation>
    </message>
    <message>
        <source>New password set for {name}.</source>
        <translation>⁨{name}⁩ کا نیا پاس ورڈ مقرر کر دیا گیا۔</translation>
    </message>
    <message>
        <source>Saved. The window locks after {n} min without use.</source>
        <translation>محفوظ ہو گیا۔ ⁨{n}⁩ منٹ تک استعمال نہ ہونے پر ونڈو لاک ہو جائے گی۔</translation>
    </message>
</context>
<context>
    <name>AdminFieldsWidget</name>
    <message>
        <source>for example, sana.javed</source>
        <translation>مثلاً، sana.javed</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>یوزر نیم:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>پورا نام:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>پاس ورڈ:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>پاس ورڈ دوبارہ:</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>دونوں پاس ورڈ مختلف ہیں۔ ایک ہی پاس ورڈ دو بار لکھیں۔</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>CPLC Desk cannot open its data</source>
        <translation>سی پی ایل سی ڈیسک اپنا ڈیٹا بیس نہیں کھول سکا</translation>
    </message>
    <message>
        <source>{reason}

Try again now?</source>
        <translation>⁨{reason}⁩

کیا ابھی دوبارہ کوشش کریں؟</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Stations</source>
        <translation>تھانے</translation>
    </message>
    <message>
        <source>Every enrolled station desk: when it last sent a bundle, what is missing or overdue. Import the bundles stations send, enroll and revoke stations.</source>
        <translation>ہر اندراج شدہ تھانہ ڈیسک: اس نے آخری بنڈل کب بھیجا، کیا غائب ہے یا تاخیر سے ہے۔ تھانوں کے بھیجے ہوئے بنڈل درآمد کریں، تھانوں کا اندراج کریں اور اندراج منسوخ کریں۔</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>ڈیٹا کی ترسیل (سنک)</translation>
    </message>
    <message>
        <source>Exchange records with headquarters: station desks send signed bundles, headquarters merges them and sends back the list of stolen vehicles.</source>
        <translation>ہیڈ کوارٹر کے ساتھ ریکارڈ کا تبادلہ: تھانہ ڈیسک دستخط شدہ بنڈل بھیجتے ہیں، ہیڈ کوارٹر انہیں ضم کرتا ہے اور چوری شدہ گاڑیوں کی فہرست واپس بھیجتا ہے۔</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>فون</translation>
    </message>
    <message>
        <source>Every station&apos;s phone reports, city-wide: check an IMEI, and find handsets recovered at one station and reported stolen at another.</source>
        <translation>شہر بھر کے تمام تھانوں کی فون رپورٹیں: IMEI کی تصدیق کریں، اور وہ فون تلاش کریں جو ایک تھانے پر برآمد ہوئے اور دوسرے تھانے پر چوری کی رپورٹ میں درج ہیں۔</translation>
    </message>
    <message>
        <source>Record stolen, snatched and recovered mobile phones by IMEI, and check a handset before a dealer buys it.</source>
        <translation>چوری، چھینے گئے اور برآمد شدہ موبائل فون IMEI کے ساتھ درج کریں، اور ڈیلر کے خریدنے سے پہلے فون کی تصدیق کریں۔</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>خلاصہ</translation>
    </message>
    <message>
        <source>This desk at a glance: who it is and how many records it holds.</source>
        <translation>ایک نظر میں یہ ڈیسک: یہ کون سا ڈیسک ہے اور اس میں کتنے ریکارڈ موجود ہیں۔</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>شکایات</translation>
    </message>
    <message>
        <source>Every station&apos;s complaints, city-wide: search them, read each one&apos;s history and print a receipt again.</source>
        <translation>شہر بھر کے تمام تھانوں کی شکایات: انہیں تلاش کریں، ہر ایک کی تاریخ پڑھیں اور رسید دوبارہ پرنٹ کریں۔</translation>
    </message>
    <message>
        <source>Register citizens&apos; complaints, print the receipt they take home, and follow each one up with the police until it is resolved.</source>
        <translation>شہریوں کی شکایات درج کریں، انہیں ساتھ لے جانے کے لیے رسید پرنٹ کریں، اور ہر شکایت کے حل ہونے تک پولیس کے ساتھ اس کی پیروی کریں۔</translation>
    </message>
    <message>
        <source>The month&apos;s crime figures by category, area and station, with their trends; saved as CSV, Excel, PDF or JSON.</source>
        <translation>مہینے کے جرائم کے اعداد و شمار، قسم، علاقے اور تھانے کے لحاظ سے، ان کے رجحان کے ساتھ؛ CSV، ایکسل، پی ڈی ایف یا JSON فائل میں محفوظ کیے جا سکتے ہیں۔</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>گاڑیاں</translation>
    </message>
    <message>
        <source>Every station&apos;s vehicle reports, city-wide: check a registration, chassis or engine number, and find recoveries that match a theft reported elsewhere.</source>
        <translation>شہر بھر کے تمام تھانوں کی گاڑیوں کی رپورٹیں: رجسٹریشن، چیسس یا انجن نمبر چیک کریں، اور وہ برآمدگیاں ڈھونڈیں جو کہیں اور درج چوری سے ملتی ہوں۔</translation>
    </message>
    <message>
        <source>Record stolen, snatched and recovered vehicles, and check a registration, chassis or engine number against the theft reports.</source>
        <translation>چوری شدہ، چھینی گئی اور برآمد شدہ گاڑیوں کا ریکارڈ رکھیں، اور کسی رجسٹریشن نمبر، چیسس نمبر یا انجن نمبر کو چوری کی رپورٹوں سے ملا کر دیکھیں۔</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>رپورٹیں</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>تضادات</translation>
    </message>
    <message>
        <source>Edits from a station that crossed another version of the same record: compare the two side by side and keep one.</source>
        <translation>کسی تھانے کی وہ تبدیلیاں جو اسی ریکارڈ کے کسی دوسرے ورژن سے ٹکرا گئیں: دونوں کو ساتھ ساتھ رکھ کر موازنہ کریں اور ایک کو رکھیں۔</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Desk set up</source>
        <translation>ڈیسک سیٹ اپ کیا گیا</translation>
    </message>
    <message>
        <source>Record created</source>
        <translation>ریکارڈ بنایا گیا</translation>
    </message>
    <message>
        <source>Record changed</source>
        <translation>ریکارڈ تبدیل کیا گیا</translation>
    </message>
    <message>
        <source>Record deleted</source>
        <translation>ریکارڈ حذف کیا گیا</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>کیفیت تبدیل کی گئی</translation>
    </message>
    <message>
        <source>Follow-up added</source>
        <translation>پیروی درج کی گئی</translation>
    </message>
    <message>
        <source>Register imported (CSV)</source>
        <translation>رجسٹر درآمد کیا گیا (CSV)</translation>
    </message>
    <message>
        <source>Searched for a person</source>
        <translation>کسی شخص کو تلاش کیا گیا</translation>
    </message>
    <message>
        <source>Vehicle verified</source>
        <translation>گاڑی کی تصدیق کی گئی</translation>
    </message>
    <message>
        <source>Phone checked</source>
        <translation>فون کی جانچ کی گئی</translation>
    </message>
    <message>
        <source>Phone recovery matched</source>
        <translation>برآمد شدہ فون کی مماثلت</translation>
    </message>
    <message>
        <source>Recovery matched</source>
        <translation>برآمدگی کو چوری کی رپورٹ سے ملایا گیا</translation>
    </message>
    <message>
        <source>Receipt printed</source>
        <translation>رسید پرنٹ کی گئی</translation>
    </message>
    <message>
        <source>Receipt reprinted</source>
        <translation>رسید دوبارہ پرنٹ کی گئی</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>بنڈل برآمد کیا گیا</translation>
    </message>
    <message>
        <source>Bundle written again</source>
        <translation>بنڈل دوبارہ لکھا گیا</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>بنڈل درآمد کیا گیا</translation>
    </message>
    <message>
        <source>Bundle opened</source>
        <translation>بنڈل کھولا گیا</translation>
    </message>
    <message>
        <source>Waiting bundle discarded</source>
        <translation>روکا گیا بنڈل ختم کیا گیا</translation>
    </message>
    <message>
        <source>Headquarters keys created</source>
        <translation>ہیڈ کوارٹر کی کلیدیں بنائی گئیں</translation>
    </message>
    <message>
        <source>Station enrolled</source>
        <translation>تھانے کا اندراج کیا گیا</translation>
    </message>
    <message>
        <source>Station key revoked</source>
        <translation>تھانے کی کلید منسوخ کی گئی</translation>
    </message>
    <message>
        <source>Desk enrolled</source>
        <translation>ڈیسک کا اندراج ہوا</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>سائن اِن کیا</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>سائن اِن ناکام</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>سائن آؤٹ کیا</translation>
    </message>
    <message>
        <source>Store upgraded</source>
        <translation>ڈیٹا بیس اپ گریڈ کیا گیا</translation>
    </message>
    <message>
        <source>Read replica set</source>
        <translation>ریڈ ریپلیکا مقرر کی گئی</translation>
    </message>
    <message>
        <source>Demo records made</source>
        <translation>ڈیمو ریکارڈ بنائے گئے</translation>
    </message>
    <message>
        <source>Hotlist exported</source>
        <translation>ہاٹ لسٹ برآمد کی گئی</translation>
    </message>
    <message>
        <source>Hotlist imported</source>
        <translation>ہاٹ لسٹ درآمد کی گئی</translation>
    </message>
    <message>
        <source>Hotlist refused</source>
        <translation>ہاٹ لسٹ مسترد کی گئی</translation>
    </message>
    <message>
        <source>Backup recovery code shown</source>
        <translation>بیک اپ کا ریکوری کوڈ دکھایا گیا</translation>
    </message>
    <message>
        <source>Statistics produced</source>
        <translation>اعداد و شمار تیار کیے گئے</translation>
    </message>
    <message>
        <source>Statistics exported</source>
        <translation>اعداد و شمار برآمد کیے گئے</translation>
    </message>
    <message>
        <source>Statistics published</source>
        <translation>اعداد و شمار شائع کیے گئے</translation>
    </message>
    <message>
        <source>Records behind a statistic looked up</source>
        <translation>کسی عدد کے پیچھے ریکارڈ دیکھے گئے</translation>
    </message>
    <message>
        <source>Station snapshot exported</source>
        <translation>تھانے کا اسنیپ شاٹ برآمد کیا گیا</translation>
    </message>
    <message>
        <source>Restored from a station snapshot</source>
        <translation>تھانے کے اسنیپ شاٹ سے بحال کیا گیا</translation>
    </message>
    <message>
        <source>Conflict resolved</source>
        <translation>تضاد حل کیا گیا</translation>
    </message>
    <message>
        <source>Record opened (full CNIC)</source>
        <translation>ریکارڈ کھولا گیا (مکمل شناختی کارڈ نمبر)</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>اکاؤنٹ بنایا گیا</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>اکاؤنٹ تبدیل کیا گیا</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>اکاؤنٹ لاک ہو گیا</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>ڈیسک لاک کیا گیا</translation>
    </message>
    <message>
        <source>Refused (role)</source>
        <translation>مسترد (ذمہ داری)</translation>
    </message>
    <message>
        <source>Audit trail read</source>
        <translation>آڈٹ ریکارڈ دیکھا گیا</translation>
    </message>
    <message>
        <source>Audit extract saved</source>
        <translation>آڈٹ ریکارڈ کا اقتباس محفوظ کیا گیا</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>بیک اپ بنایا گیا</translation>
    </message>
    <message>
        <source>Plain (unencrypted) backup written</source>
        <translation>سادہ (غیر خفیہ کردہ) بیک اپ بنایا گیا</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>بیک اپ بحال کیا گیا</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>نمبر</translation>
    </message>
    <message>
        <source>When (Pakistan time)</source>
        <translation>کب (پاکستانی وقت)</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>ڈیسک</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کارروائی</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>تفصیل</translation>
    </message>
</context>
<context>
    <name>AuditViewerDialog</name>
    <message>
        <source>Audit trail — CPLC Desk</source>
        <translation>آڈٹ ریکارڈ — سی پی ایل سی ڈیسک</translation>
    </message>
</context>
<context>
    <name>AuditViewerWidget</name>
    <message>
        <source>user name</source>
        <translation>یوزر نیم</translation>
    </message>
    <message>
        <source>number, id, CNIC or phone</source>
        <translation>نمبر، آئی ڈی، شناختی کارڈ نمبر یا فون</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>دکھائیں</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>CSV فائل میں محفوظ کریں…</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>پی ڈی ایف میں محفوظ کریں…</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>شخص:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>کارروائی:</translation>
    </message>
    <message>
        <source>&amp;Record:</source>
        <translation>ریکارڈ:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>تاریخ از:</translation>
    </message>
    <message>
        <source>Showing the newest entries first; more load as you scroll.</source>
        <translation>سب سے نئی انٹریاں پہلے دکھائی جا رہی ہیں؛ نیچے سکرول کرنے پر مزید انٹریاں آتی جائیں گی۔</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>کوئی انٹری نہیں ملی۔</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV فائلیں (*.csv)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>پی ڈی ایف (*.pdf)</translation>
    </message>
    <message>
        <source>Save the audit extract</source>
        <translation>آڈٹ ریکارڈ کا اقتباس محفوظ کریں</translation>
    </message>
    <message>
        <source>{n} entries saved to {path}.</source>
        <translation>⁨{n}⁩ انٹریاں ⁨{path}⁩ میں محفوظ کر دی گئیں۔</translation>
    </message>
</context>
<context>
    <name>BackupWindow</name>
    <message>
        <source>The backup was not written</source>
        <translation>بیک اپ نہیں بن سکا</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>بیک اپ بن گیا: ⁨{path}⁩</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>بیک اپ بن گیا</translation>
    </message>
    <message>
        <source>Folder for sealed backup copies</source>
        <translation>سیل شدہ بیک اپ کاپیوں کا فولڈر</translation>
    </message>
    <message>
        <source>Backup copies</source>
        <translation>بیک اپ کی کاپیاں</translation>
    </message>
    <message>
        <source>Each backup is now also copied, sealed, to {folder}. To open those copies on another computer you need this desk&apos;s recovery code: a supervisor shows it with Tools ▸ Backup recovery code… and keeps it on paper, away from the stick.</source>
        <translation>اب ہر بیک اپ کی ایک سیل شدہ کاپی ⁨{folder}⁩ میں بھی رکھی جائے گی۔ یہ کاپیاں کسی دوسرے کمپیوٹر پر کھولنے کے لیے اس ڈیسک کا ریکوری کوڈ درکار ہوگا: سپروائزر اسے ٹولز کے مینو میں “بیک اپ کا ریکوری کوڈ…” سے دیکھ کر کاغذ پر لکھ لے اور یو ایس بی سے الگ رکھے۔</translation>
    </message>
    <message>
        <source>The recovery code cannot be shown</source>
        <translation>ریکوری کوڈ نہیں دکھایا جا سکتا</translation>
    </message>
    <message>
        <source>The backup on close was not written</source>
        <translation>بند کرتے وقت کا بیک اپ نہیں بن سکا</translation>
    </message>
    <message>
        <source>The daily backup failed: {reason}</source>
        <translation>روزانہ کا بیک اپ نہیں بن سکا: ⁨{reason}⁩</translation>
    </message>
    <message>
        <source>Writing the backup from the server before closing…</source>
        <translation>بند کرنے سے پہلے سرور سے بیک اپ بن رہا ہے…</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>بیک اپ بن رہا ہے…</translation>
    </message>
</context>
<context>
    <name>CandidateCard</name>
    <message>
        <source>Report {number} — {score}</source>
        <translation>رپورٹ ⁨{number}⁩ — ⁨{score}⁩</translation>
    </message>
    <message>
        <source>same IMEI</source>
        <translation>‏IMEI وہی ہے</translation>
    </message>
    <message>
        <source>one digit different - check the IMEI</source>
        <translation>ایک ہندسہ مختلف - IMEI دوبارہ دیکھیں</translation>
    </message>
    <message>
        <source>Report {number} — {strength}</source>
        <translation>رپورٹ ⁨{number}⁩ — ⁨{strength}⁩</translation>
    </message>
    <message>
        <source>{kind} at {station} police station, on {when}{source}</source>
        <translation>⁨{kind}⁩، تھانہ ⁨{station}⁩، ⁨{when}⁩⁨{source}⁩</translation>
    </message>
    <message>
        <source> (city-wide hotlist)</source>
        <translation> (پورے شہر کی ہاٹ لسٹ)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password — CPLC Desk</source>
        <translation>اپنا پاس ورڈ تبدیل کریں — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>موجودہ پاس ورڈ:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>نیا پاس ورڈ:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>نیا پاس ورڈ دوبارہ:</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>دونوں نئے پاس ورڈ مختلف ہیں۔</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <source>Check</source>
        <translation>تصدیق کریں</translation>
    </message>
    <message>
        <source>Check now (Enter)</source>
        <translation>ابھی تصدیق کریں (Enter)</translation>
    </message>
    <message>
        <source>The answer appears as soon as you stop typing. Each check is recorded in the audit trail.</source>
        <translation>جیسے ہی آپ لکھنا روکیں گے، جواب سامنے آ جائے گا۔ ہر تصدیق آڈٹ ریکارڈ میں درج ہوتی ہے۔</translation>
    </message>
    <message>
        <source>Keep typing…</source>
        <translation>لکھتے رہیں…</translation>
    </message>
    <message>
        <source>Checking when you stop typing…</source>
        <translation>لکھنا روکتے ہی تصدیق ہو گی…</translation>
    </message>
    <message>
        <source>Or press Enter.</source>
        <translation>یا Enter دبائیں۔</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>تصدیق ہو رہی ہے…</translation>
    </message>
    <message>
        <source>REPORTED STOLEN</source>
        <translation>چوری کی رپورٹ درج ہے</translation>
    </message>
    <message>
        <source>REPORTED SNATCHED</source>
        <translation>چھینے جانے کی رپورٹ درج ہے</translation>
    </message>
    <message>
        <source>REPORTED STOLEN / SNATCHED</source>
        <translation>چوری / چھینے جانے کی رپورٹ درج ہے</translation>
    </message>
    <message>
        <source>…and {count} more reports.</source>
        <translation>…اور ⁨{count}⁩ مزید رپورٹیں۔</translation>
    </message>
    <message>
        <source>The hotlist from headquarters (number {seq}) EXPIRED on {expires}. Thefts reported at other stations since {issued} are not known to this desk. Import a new hotlist on the Sync page.</source>
        <translation>ہیڈ کوارٹر کی ہاٹ لسٹ (نمبر ⁨{seq}⁩) کی مدت ⁨{expires}⁩ کو ختم ہو چکی ہے۔ ⁨{issued}⁩ کے بعد دوسرے تھانوں میں درج ہونے والی چوریوں کا اس ڈیسک کو علم نہیں۔ “ڈیٹا کی ترسیل (سنک)” والے صفحے پر نئی ہاٹ لسٹ درآمد کریں۔</translation>
    </message>
    <message>
        <source>No hotlist received yet: only this desk&apos;s own reports were checked.</source>
        <translation>ابھی تک کوئی ہاٹ لسٹ موصول نہیں ہوئی: صرف اس ڈیسک کی اپنی رپورٹیں دیکھی گئیں۔</translation>
    </message>
    <message>
        <source>Hotlist consulted: number {seq}, issued {issued}, EXPIRED on {expires}.</source>
        <translation>دیکھی گئی ہاٹ لسٹ: نمبر ⁨{seq}⁩، ⁨{issued}⁩ کو جاری ہوئی، ⁨{expires}⁩ کو مدت ختم ہو چکی۔</translation>
    </message>
    <message>
        <source>Hotlist consulted: number {seq}, issued {issued}, valid until {expires}.</source>
        <translation>دیکھی گئی ہاٹ لسٹ: نمبر ⁨{seq}⁩، ⁨{issued}⁩ کو جاری ہوئی، ⁨{expires}⁩ تک کارآمد۔</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>تصدیق نہیں ہو سکی</translation>
    </message>
</context>
<context>
    <name>CityChecksBase</name>
    <message>
        <source>Station (district)</source>
        <translation>تھانہ (ضلع)</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>برآمد شدہ</translation>
    </message>
    <message>
        <source>Theft report</source>
        <translation>چوری کی رپورٹ</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>رپورٹ</translation>
    </message>
    <message>
        <source>Reported again</source>
        <translation>دوبارہ رپورٹ</translation>
    </message>
    <message>
        <source>Recovered elsewhere ({n})</source>
        <translation>کسی اور جگہ برآمد (⁨{n}⁩)</translation>
    </message>
    <message>
        <source>Probable duplicates ({n})</source>
        <translation>ممکنہ دہری رپورٹیں (⁨{n}⁩)</translation>
    </message>
    <message>
        <source>{station} ({district})</source>
        <translation>⁨{station}⁩ (⁨{district}⁩)</translation>
    </message>
</context>
<context>
    <name>CityChecksDialog</name>
    <message>
        <source>City-wide vehicle checks</source>
        <translation>پورے شہر میں گاڑیوں کی جانچ</translation>
    </message>
    <message>
        <source>Comparing every station&apos;s vehicle reports…</source>
        <translation>ہر تھانے کی گاڑیوں کی رپورٹوں کا موازنہ ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Open reports of every station compared.</source>
        <translation>ہر تھانے کی جاری رپورٹوں کا موازنہ مکمل ہو گیا۔</translation>
    </message>
    <message>
        <source>Open recoveries whose vehicle matches an open theft report registered at another station ({n}). The station that registered the theft confirms it.</source>
        <translation>وہ جاری برآمدگیاں جن کی گاڑی کسی دوسرے تھانے میں درج چوری کی جاری رپورٹ سے ملتی ہے (⁨{n}⁩)۔ جس تھانے میں چوری درج ہوئی تھی، وہی اس کی تصدیق کرتا ہے۔</translation>
    </message>
    <message>
        <source>Open theft reports that probably describe the same vehicle: reported at two stations, or by the same owner twice ({n}).</source>
        <translation>چوری کی وہ جاری رپورٹیں جو غالباً ایک ہی گاڑی کی ہیں: دو تھانوں میں درج ہوئیں، یا ایک ہی مالک نے دو بار درج کروائیں (⁨{n}⁩)۔</translation>
    </message>
    <message>
        <source>{number} · {kind} · {registration} · {when}</source>
        <translation>⁨{number}⁩ · ⁨{kind}⁩ · ⁨{registration}⁩ · ⁨{when}⁩</translation>
    </message>
    <message>
        <source>the same owner&apos;s CNIC</source>
        <translation>ایک ہی مالک کا شناختی کارڈ نمبر</translation>
    </message>
</context>
<context>
    <name>ComboFilters</name>
    <message>
        <source>Clear filters</source>
        <translation>فلٹر ختم کریں</translation>
    </message>
</context>
<context>
    <name>ComplaintDetailDialog</name>
    <message>
        <source>Complaint — CPLC Desk</source>
        <translation>شکایت — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>شکایت کنندہ</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Father&apos;s / husband&apos;s name:</source>
        <translation>والد / شوہر کا نام:</translation>
    </message>
    <message>
        <source>CNIC:</source>
        <translation>شناختی کارڈ نمبر:</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>موبائل نمبر:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>پتہ:</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>واقعہ</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>کب:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>جگہ:</translation>
    </message>
    <message>
        <source>FIR number:</source>
        <translation>ایف آئی آر نمبر:</translation>
    </message>
    <message>
        <source>FIR date:</source>
        <translation>ایف آئی آر کی تاریخ:</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>واقعے کی تفصیل</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>کیفیت تبدیل کریں</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>پیروی درج کریں</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>کارروائی کی تاریخ وار فہرست</translation>
    </message>
    <message>
        <source>A receipt printed again is marked COPY.</source>
        <translation>دوبارہ پرنٹ کی گئی رسید پر “نقل” لکھا ہوتا ہے۔</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Complaint {number} — CPLC Desk</source>
        <translation>شکایت ⁨{number}⁩ — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>{category} · Police station: {station}</source>
        <translation>⁨{category}⁩ · تھانہ: ⁨{station}⁩</translation>
    </message>
    <message>
        <source>Next follow-up: {day}</source>
        <translation>اگلی پیروی: ⁨{day}⁩</translation>
    </message>
    <message>
        <source>Registered {when} by {who} at desk {desk}</source>
        <translation>⁨{when}⁩ کو ⁨{who}⁩ نے ڈیسک ⁨{desk}⁩ پر درج کی</translation>
    </message>
    <message>
        <source>This complaint is {status}: only a supervisor can reopen it.</source>
        <translation>یہ شکایت ⁨{status}⁩ ہے: اسے صرف سپروائزر دوبارہ کھول سکتا ہے۔</translation>
    </message>
    <message>
        <source>Status changed to “{status}”.</source>
        <translation>کیفیت تبدیل ہو کر “⁨{status}⁩” ہو گئی۔</translation>
    </message>
    <message>
        <source>Follow-up added.</source>
        <translation>پیروی درج ہو گئی۔</translation>
    </message>
</context>
<context>
    <name>ComplaintEntry</name>
    <message>
        <source>Type part of the name, e.g. snatching</source>
        <translation>نام کا کچھ حصہ لکھیں، مثلاً چھیننے</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>دن/مہینہ/سال</translation>
    </message>
    <message>
        <source>What happened, in the citizen&apos;s words: who, what, where, when.</source>
        <translation>کیا ہوا، شہری کے اپنے الفاظ میں: کس نے، کیا، کہاں، کب۔</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>وقت:</translation>
    </message>
    <message>
        <source>FIR &amp;date:</source>
        <translation>ایف آئی آر کی تاریخ:</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>شکایت کنندہ</translation>
    </message>
    <message>
        <source>&amp;Name: *</source>
        <translation>نام: *</translation>
    </message>
    <message>
        <source>Father&apos;s / &amp;husband&apos;s name:</source>
        <translation>والد / شوہر کا نام:</translation>
    </message>
    <message>
        <source>&amp;CNIC:</source>
        <translation>شناختی کارڈ نمبر:</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>موبائل نمبر:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>پتہ:</translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <source>&amp;Kind of complaint: *</source>
        <translation>شکایت کی قسم: *</translation>
    </message>
    <message>
        <source>&amp;Incident date:</source>
        <translation>واقعے کی تاریخ:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>جگہ:</translation>
    </message>
    <message>
        <source>Police &amp;station: *</source>
        <translation>تھانہ: *</translation>
    </message>
    <message>
        <source>FIR n&amp;umber:</source>
        <translation>ایف آئی آر نمبر:</translation>
    </message>
    <message>
        <source>&amp;What happened: *</source>
        <translation>واقعے کی تفصیل: *</translation>
    </message>
    <message>
        <source>Choose a kind of complaint from the list.</source>
        <translation>فہرست میں سے شکایت کی قسم منتخب کریں۔</translation>
    </message>
</context>
<context>
    <name>ComplaintFilters</name>
    <message>
        <source>Searching receipt number {value}</source>
        <translation>رسید نمبر ⁨{value}⁩ کی تلاش</translation>
    </message>
    <message>
        <source>Searching CNIC {value}</source>
        <translation>شناختی کارڈ نمبر ⁨{value}⁩ کی تلاش</translation>
    </message>
    <message>
        <source>Searching mobile number {value}</source>
        <translation>موبائل نمبر ⁨{value}⁩ کی تلاش</translation>
    </message>
    <message>
        <source>Searching FIR number {value}</source>
        <translation>ایف آئی آر نمبر ⁨{value}⁩ کی تلاش</translation>
    </message>
    <message>
        <source>Searching names and complaint text for “{words}”</source>
        <translation>ناموں اور شکایت کی تحریر میں “⁨{words}⁩” کی تلاش</translation>
    </message>
    <message>
        <source>Type a receipt number, CNIC, mobile or FIR number to find it; other words search names and what the complaint says.</source>
        <translation>رسید نمبر، شناختی کارڈ نمبر، موبائل نمبر یا ایف آئی آر نمبر لکھیں تو وہی تلاش ہوگا؛ دوسرے الفاظ ناموں اور شکایت کی تفصیل میں تلاش کیے جاتے ہیں۔</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>کوئی بھی کیفیت</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>ابھی جاری</translation>
    </message>
    <message>
        <source>Complaints CPLC is still following up</source>
        <translation>وہ شکایات جن کی سی پی ایل سی ابھی پیروی کر رہی ہے</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Show complaints in the statuses ticked here</source>
        <translation>یہاں جن کیفیتوں پر نشان لگا ہے، ان کی شکایات دکھائیں</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>کوئی بھی قسم</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>اس تاریخ سے درج</translation>
    </message>
    <message>
        <source>Only complaints registered between these days</source>
        <translation>صرف ان تاریخوں کے درمیان درج ہونے والی شکایات</translation>
    </message>
    <message>
        <source>Registered up to</source>
        <translation>اس تاریخ تک درج</translation>
    </message>
    <message>
        <source>to</source>
        <comment>registered from … to …</comment>
        <translation>تا</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>پیروی میں تاخیر</translation>
    </message>
    <message>
        <source>Only open complaints whose follow-up date has passed</source>
        <translation>صرف وہ جاری شکایات جن کی پیروی کی تاریخ گزر چکی ہے</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>فلٹر ختم کریں</translation>
    </message>
    <message>
        <source>{count} statuses</source>
        <translation>⁨{count}⁩ کیفیتیں</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>Write the time like 21:30 or 9:30 pm.</source>
        <translation>وقت اس طرح لکھیں: 21:30 یا 9:30 pm۔</translation>
    </message>
    <message>
        <source>Write the date as day/month/year, like 25/10/2026.</source>
        <translation>تاریخ دن/مہینہ/سال کی صورت میں لکھیں، جیسے 25/10/2026۔</translation>
    </message>
</context>
<context>
    <name>ComplaintFormDialog</name>
    <message>
        <source>Register a complaint — CPLC Desk</source>
        <translation>شکایت درج کریں — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>* must be filled in. Ctrl+S saves. Tab moves to the next box.</source>
        <translation>* والے خانے بھرنا ضروری ہے۔ Ctrl+S سے محفوظ ہوتا ہے۔ Tab سے اگلے خانے میں جائیں۔</translation>
    </message>
    <message>
        <source>&amp;Save complaint</source>
        <translation>شکایت محفوظ کریں</translation>
    </message>
    <message>
        <source>Complaint registered</source>
        <translation>شکایت درج ہو گئی</translation>
    </message>
    <message>
        <source>Print the receipt and give it to the citizen: they need this number whenever they ask about their complaint.</source>
        <translation>رسید پرنٹ کر کے شہری کو دیں: جب بھی وہ اپنی شکایت کے بارے میں پوچھیں گے، انہیں یہ نمبر درکار ہوگا۔</translation>
    </message>
    <message>
        <source>Register &amp;another complaint</source>
        <translation>ایک اور شکایت درج کریں</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Receipt number:</source>
        <translation>رسید نمبر:</translation>
    </message>
    <message>
        <source>no name typed yet</source>
        <translation>ابھی کوئی نام نہیں لکھا گیا</translation>
    </message>
    <message>
        <source>A complaint was being typed here on {when} ({name}) and was not saved, perhaps because of a power cut.

Continue it? If you answer No, it is thrown away.</source>
        <translation>⁨{when}⁩ کو یہاں ایک شکایت لکھی جا رہی تھی (⁨{name}⁩) جو محفوظ نہیں ہوئی، شاید بجلی جانے کی وجہ سے۔

کیا اسے جاری رکھیں؟ اگر آپ “نہیں” کا جواب دیں تو یہ ضائع کر دی جائے گی۔</translation>
    </message>
    <message>
        <source>Unsaved complaint</source>
        <translation>محفوظ نہ ہونے والی شکایت</translation>
    </message>
    <message>
        <source>The unsaved complaint was filled in again.</source>
        <translation>محفوظ نہ ہونے والی شکایت دوبارہ بھر دی گئی ہے۔</translation>
    </message>
    <message>
        <source>Please correct the boxes marked in red, then save again.</source>
        <translation>براہِ کرم سرخ نشان والے خانے درست کریں، پھر دوبارہ محفوظ کریں۔</translation>
    </message>
    <message>
        <source>This complaint has not been saved. Close the form and throw away what was typed?</source>
        <translation>یہ شکایت محفوظ نہیں ہوئی۔ کیا فارم بند کر کے جو کچھ لکھا گیا ہے اسے ضائع کر دیں؟</translation>
    </message>
</context>
<context>
    <name>ComplaintPrinting</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>پی ڈی ایف فائلیں (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ComplaintTimeline</name>
    <message>
        <source>Follow-up</source>
        <translation>پیروی</translation>
    </message>
    <message>
        <source>{before} → {after}</source>
        <translation>⁨{before}⁩ ← ⁨{after}⁩</translation>
    </message>
</context>
<context>
    <name>ComplaintTimelineWidget</name>
    <message>
        <source>When</source>
        <translation>کب</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>کیا ہوا</translation>
    </message>
    <message>
        <source>By</source>
        <translation>کس نے</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>نوٹ</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>اگلی پیروی</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <source>Number</source>
        <translation>نمبر</translation>
    </message>
    <message>
        <source>The receipt number</source>
        <translation>رسید نمبر</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>کب درج ہوئی</translation>
    </message>
    <message>
        <source>When the complaint was registered (Pakistan time). Click to show the oldest or the newest first.</source>
        <translation>شکایت کب درج ہوئی (پاکستانی وقت)۔ پرانی یا نئی شکایات پہلے دیکھنے کے لیے کلک کریں۔</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>شکایت کنندہ</translation>
    </message>
    <message>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <source>Partly hidden; the complaint itself shows it in full</source>
        <translation>جزوی طور پر چھپا ہوا؛ شکایت کھولنے پر پورا نظر آتا ہے</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>موبائل نمبر</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Police station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>FIR</source>
        <translation>ایف آئی آر</translation>
    </message>
    <message>
        <source>FIR number</source>
        <translation>ایف آئی آر نمبر</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>اگلی پیروی</translation>
    </message>
    <message>
        <source>When the desk should next ask the police about it</source>
        <translation>ڈیسک کو اس کے بارے میں اگلی بار کب پولیس سے پوچھنا ہے</translation>
    </message>
    <message>
        <source>{date} · overdue</source>
        <translation>⁨{date}⁩ · تاخیر</translation>
    </message>
    <message>
        <source>Overdue: the follow-up was due on {date} and the complaint is still open.</source>
        <translation>تاخیر: پیروی ⁨{date}⁩ کو ہونی تھی اور شکایت ابھی تک جاری ہے۔</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Receipt number, CNIC, mobile, FIR number, name or words</source>
        <translation>رسید نمبر، شناختی کارڈ نمبر، موبائل نمبر، ایف آئی آر نمبر، نام یا الفاظ</translation>
    </message>
    <message>
        <source>Search complaints</source>
        <translation>شکایات تلاش کریں</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>نئی شکایت…</translation>
    </message>
    <message>
        <source>Register a citizen&apos;s complaint (Ctrl+N)</source>
        <translation>شہری کی شکایت درج کریں (Ctrl+N)</translation>
    </message>
    <message>
        <source>Complaints are registered at police-station desks</source>
        <translation>شکایات تھانہ ڈیسک پر درج کی جاتی ہیں</translation>
    </message>
    <message>
        <source>Show the selected complaint and follow it up (Enter)</source>
        <translation>منتخب شکایت دیکھیں اور اس کی پیروی کریں (Enter)</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>شکایات</translation>
    </message>
    <message>
        <source>No complaints match</source>
        <translation>کوئی شکایت نہیں ملی</translation>
    </message>
    <message>
        <source>1 complaint</source>
        <translation>1 شکایت</translation>
    </message>
    <message>
        <source>More than {count} complaints</source>
        <translation>⁨{count}⁩ سے زیادہ شکایات</translation>
    </message>
    <message>
        <source>{count} complaints</source>
        <translation>⁨{count}⁩ شکایات</translation>
    </message>
    <message>
        <source>No complaint matches this search. Check the number, or clear the filters.</source>
        <translation>اس تلاش سے کوئی شکایت نہیں ملی۔ نمبر دوبارہ دیکھیں، یا فلٹر ختم کریں۔</translation>
    </message>
    <message>
        <source>No complaints yet. Register the first with New complaint… (Ctrl+N).</source>
        <translation>ابھی کوئی شکایت نہیں۔ پہلی شکایت “نئی شکایت…” (Ctrl+N) سے درج کریں۔</translation>
    </message>
    <message>
        <source>No complaints yet. They arrive in the bundles stations send.</source>
        <translation>ابھی کوئی شکایت نہیں۔ شکایات تھانوں کے بھیجے ہوئے بنڈلوں میں آتی ہیں۔</translation>
    </message>
    <message>
        <source>This part of the desk is not in this version yet.</source>
        <translation>ڈیسک کا یہ حصہ ابھی اس ورژن میں شامل نہیں۔</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>What happened</source>
        <translation>واقعے کی تفصیل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Police station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>واقعہ کب ہوا</translation>
    </message>
    <message>
        <source>Where it happened</source>
        <translation>واقعہ کہاں ہوا</translation>
    </message>
    <message>
        <source>FIR number</source>
        <translation>ایف آئی آر نمبر</translation>
    </message>
    <message>
        <source>FIR date</source>
        <translation>ایف آئی آر کی تاریخ</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>اگلی پیروی</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>نمبر</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Father&apos;s or husband&apos;s name</source>
        <translation>والد یا شوہر کا نام</translation>
    </message>
    <message>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>موبائل نمبر</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>پتہ</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>Chassis number</source>
        <translation>چیسس نمبر</translation>
    </message>
    <message>
        <source>Engine number</source>
        <translation>انجن نمبر</translation>
    </message>
    <message>
        <source>Removed at</source>
        <translation>حذف کرنے کا وقت</translation>
    </message>
    <message>
        <source>Removed by</source>
        <translation>حذف کرنے والا</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>نوٹ</translation>
    </message>
    <message>
        <source>Complainant (record id)</source>
        <translation>شکایت کنندہ (ریکارڈ آئی ڈی)</translation>
    </message>
    <message>
        <source>Owner (record id)</source>
        <translation>مالک (ریکارڈ آئی ڈی)</translation>
    </message>
    <message>
        <source>Legacy register reference</source>
        <translation>پرانے رجسٹر کا حوالہ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>رپورٹ کی قسم</translation>
    </message>
    <message>
        <source>Vehicle class</source>
        <translation>گاڑی کی قسم</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>کمپنی</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>ماڈل</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>رنگ</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Show resolved conflicts too</source>
        <translation>حل شدہ تضادات بھی دکھائیں</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>کب پتا چلا</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>مختلف خانے</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>اس وقت رائج ورژن</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>حل شدہ</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>تضادات</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>خانہ</translation>
    </message>
    <message>
        <source>Held at headquarters</source>
        <translation>ہیڈ کوارٹر کے پاس</translation>
    </message>
    <message>
        <source>Sent by the station</source>
        <translation>تھانے کا بھیجا ہوا</translation>
    </message>
    <message>
        <source>The two versions side by side</source>
        <translation>دونوں ورژن ساتھ ساتھ</translation>
    </message>
    <message>
        <source>Only the fields that differ</source>
        <translation>صرف مختلف خانے</translation>
    </message>
    <message>
        <source>Keep the held version</source>
        <translation>ہیڈ کوارٹر والا ورژن رکھیں</translation>
    </message>
    <message>
        <source>Keep the station&apos;s version</source>
        <translation>تھانے والا ورژن رکھیں</translation>
    </message>
    <message>
        <source>No conflict is waiting. A conflict appears here when a station sends an edit of a record that does not follow from the version headquarters holds.</source>
        <translation>کوئی تضاد باقی نہیں۔ تضاد اس وقت یہاں آتا ہے جب کوئی تھانہ کسی ریکارڈ میں ایسی تبدیلی بھیجے جو ہیڈ کوارٹر کے پاس موجود ورژن پر مبنی نہ ہو۔</translation>
    </message>
    <message>
        <source>Conflicts waiting: {n}</source>
        <translation>باقی تضادات: ⁨{n}⁩</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <source>Complaint follow-up</source>
        <translation>شکایت کی پیروی</translation>
    </message>
    <message>
        <source>Vehicle report</source>
        <translation>گاڑی کی رپورٹ</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Held version</source>
        <translation>ہیڈ کوارٹر والا ورژن</translation>
    </message>
    <message>
        <source>Station&apos;s version</source>
        <translation>تھانے والا ورژن</translation>
    </message>
    <message>
        <source>{who}, {when}: kept the {which}</source>
        <translation>⁨{who}⁩، ⁨{when}⁩: ⁨{which}⁩ رکھا</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>زیرِ التوا</translation>
    </message>
    <message>
        <source>Choose a conflict above to compare its versions.</source>
        <translation>ورژنوں کا موازنہ کرنے کے لیے اوپر سے کوئی تضاد منتخب کریں۔</translation>
    </message>
    <message>
        <source>{record}: headquarters held version {held} (changed by {held_by}); {station} sent version {incoming} (changed by {incoming_by}) in bundle {bundle}. Fields that differ are marked {mark}.</source>
        <translation>⁨{record}⁩: ہیڈ کوارٹر کے پاس ورژن ⁨{held}⁩ تھا (تبدیل کرنے والا: ⁨{held_by}⁩)؛ ⁨{station}⁩ نے بنڈل ⁨{bundle}⁩ میں ورژن ⁨{incoming}⁩ بھیجا (تبدیل کرنے والا: ⁨{incoming_by}⁩)۔ مختلف خانوں پر ⁨{mark}⁩ کا نشان ہے۔</translation>
    </message>
    <message>
        <source>The two versions differ here</source>
        <translation>یہاں دونوں ورژن مختلف ہیں</translation>
    </message>
    <message>
        <source>the version headquarters held (version {n})</source>
        <translation>ہیڈ کوارٹر کے پاس موجود ورژن (ورژن ⁨{n}⁩)</translation>
    </message>
    <message>
        <source>the version {station} sent (version {n})</source>
        <translation>⁨{station}⁩ کا بھیجا ہوا ورژن (ورژن ⁨{n}⁩)</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>تضاد حل کریں</translation>
    </message>
    <message>
        <source>Keep {which} of {record}? The other version stays in the conflict&apos;s history; your name and the time are recorded.</source>
        <translation>⁨{record}⁩ کا ⁨{which}⁩ رکھیں؟ دوسرا ورژن اس تضاد کے ریکارڈ میں محفوظ رہے گا؛ آپ کا نام اور وقت درج ہو جائے گا۔</translation>
    </message>
    <message>
        <source>{record}: kept {which}.</source>
        <translation>⁨{record}⁩: ⁨{which}⁩ رکھ لیا گیا۔</translation>
    </message>
</context>
<context>
    <name>CountTable</name>
    <message>
        <source>None yet</source>
        <translation>ابھی کوئی نہیں</translation>
    </message>
</context>
<context>
    <name>DemoProgress</name>
    <message>
        <source>Demo not available</source>
        <translation>ڈیمو دستیاب نہیں</translation>
    </message>
    <message>
        <source>This copy of CPLC Desk has no sample records ({reason}).</source>
        <translation>سی پی ایل سی ڈیسک کی اس کاپی میں نمونے کے ریکارڈ نہیں ہیں (⁨{reason}⁩)۔</translation>
    </message>
    <message>
        <source>Filling the demo desk with sample records…</source>
        <translation>ڈیمو ڈیسک میں نمونے کے ریکارڈ بھرے جا رہے ہیں…</translation>
    </message>
    <message>
        <source>CPLC Desk demo</source>
        <translation>سی پی ایل سی ڈیسک ڈیمو</translation>
    </message>
</context>
<context>
    <name>DeskSetupDialog</name>
    <message>
        <source>Set up this desk — CPLC Desk</source>
        <translation>اس ڈیسک کو سیٹ اپ کریں — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Welcome to CPLC Desk</source>
        <translation>سی پی ایل سی ڈیسک میں خوش آمدید</translation>
    </message>
    <message>
        <source>This computer&apos;s desk is set up once. Records made here carry the desk&apos;s code on every receipt, so choose carefully.</source>
        <translation>اس کمپیوٹر کا ڈیسک صرف ایک بار سیٹ اپ ہوتا ہے۔ یہاں بننے والے ریکارڈ کی ہر رسید پر اس ڈیسک کا کوڈ ہوتا ہے، اس لیے سوچ سمجھ کر انتخاب کریں۔</translation>
    </message>
    <message>
        <source>Is this desk at a police station or headquarters, or does it replace a lost PC?</source>
        <translation>یہ ڈیسک کسی تھانے میں ہے یا ہیڈ کوارٹر میں، یا یہ کسی گم شدہ کمپیوٹر کی جگہ لے رہا ہے؟</translation>
    </message>
    <message>
        <source>At a police station</source>
        <translation>تھانے میں</translation>
    </message>
    <message>
        <source>Headquarters (merges the records of all stations)</source>
        <translation>ہیڈ کوارٹر (تمام تھانوں کے ریکارڈ ضم کرتا ہے)</translation>
    </message>
    <message>
        <source>This PC replaces a desk&apos;s lost or broken PC</source>
        <translation>یہ کمپیوٹر کسی ڈیسک کے گم شدہ یا خراب کمپیوٹر کی جگہ لے رہا ہے</translation>
    </message>
    <message>
        <source>The station&apos;s name</source>
        <translation>تھانے کا نام</translation>
    </message>
    <message>
        <source>Police station:</source>
        <translation>تھانہ:</translation>
    </message>
    <message>
        <source>Desk name (optional):</source>
        <translation>ڈیسک کا نام (اختیاری):</translation>
    </message>
    <message>
        <source>for example, CPLC Central Reporting Cell</source>
        <translation>مثلاً، سی پی ایل سی سینٹرل رپورٹنگ سیل</translation>
    </message>
    <message>
        <source>Headquarters name:</source>
        <translation>ہیڈ کوارٹر کا نام:</translation>
    </message>
    <message>
        <source>Headquarters does not register complaints itself: it merges the bundles that station desks send and prepares city-wide reports.</source>
        <translation>ہیڈ کوارٹر خود شکایات درج نہیں کرتا: یہ تھانہ ڈیسکوں کے بھیجے ہوئے بنڈل ضم کرتا ہے اور پورے شہر کی رپورٹیں تیار کرتا ہے۔</translation>
    </message>
    <message>
        <source>Your account, which manages the others:</source>
        <translation>آپ کا اکاؤنٹ، جس سے باقی اکاؤنٹس کا انتظام ہوگا:</translation>
    </message>
    <message>
        <source>Set up desk</source>
        <translation>ڈیسک سیٹ اپ کریں</translation>
    </message>
    <message>
        <source>Server (optional):</source>
        <translation>سرور (اختیاری):</translation>
    </message>
    <message>
        <source>Server password:</source>
        <translation>سرور کا پاس ورڈ:</translation>
    </message>
    <message>
        <source>Leave the server empty to keep the records on this PC. The server&apos;s password is used now and never saved: for later starts put it in the PostgreSQL password file (pgpass).</source>
        <translation>ریکارڈ اسی کمپیوٹر پر رکھنے کے لیے سرور خالی چھوڑ دیں۔ سرور کا پاس ورڈ ابھی استعمال ہوتا ہے اور کبھی محفوظ نہیں کیا جاتا: بعد میں شروع کرنے کے لیے اسے PostgreSQL کی پاس ورڈ فائل (pgpass) میں رکھیں۔</translation>
    </message>
    <message>
        <source>Restore desk</source>
        <translation>ڈیسک بحال کریں</translation>
    </message>
    <message>
        <source>Your account at headquarters:</source>
        <translation>ہیڈ کوارٹر میں آپ کا اکاؤنٹ:</translation>
    </message>
    <message>
        <source>Join headquarters</source>
        <translation>ہیڈ کوارٹر میں شامل ہوں</translation>
    </message>
    <message>
        <source>Joined without keys — CPLC Desk</source>
        <translation>کلیدوں کے بغیر شامل ہوئے — CPLC Desk</translation>
    </message>
    <message>
        <source>This computer now works on headquarters, {name}, but has no copy of its keys: it cannot enroll stations or open bundles. To add them later, run cplc-desk join-hq --keys FILE here.</source>
        <translation>یہ کمپیوٹر اب ہیڈ کوارٹر، ⁨{name}⁩، پر کام کرتا ہے مگر اس کے پاس اس کی کلیدوں کی نقل نہیں: یہ تھانوں کا اندراج نہیں کر سکتا نہ بنڈل کھول سکتا ہے۔ بعد میں کلیدیں شامل کرنے کے لیے یہاں cplc-desk join-hq --keys FILE چلائیں۔</translation>
    </message>
    <message>
        <source>Desk restored — CPLC Desk</source>
        <translation>ڈیسک بحال ہو گیا — سی پی ایل سی ڈیسک</translation>
    </message>
</context>
<context>
    <name>EarlierComplaints</name>
    <message>
        <source>This CNIC appears in 1 earlier complaint:</source>
        <translation>یہ شناختی کارڈ نمبر پہلے کی 1 شکایت میں موجود ہے:</translation>
    </message>
    <message>
        <source>This CNIC appears in {n} earlier complaints:</source>
        <translation>یہ شناختی کارڈ نمبر پہلے کی ⁨{n}⁩ شکایات میں موجود ہے:</translation>
    </message>
    <message>
        <source>This mobile number appears in 1 earlier complaint:</source>
        <translation>یہ موبائل نمبر پہلے کی 1 شکایت میں موجود ہے:</translation>
    </message>
    <message>
        <source>This mobile number appears in {n} earlier complaints:</source>
        <translation>یہ موبائل نمبر پہلے کی ⁨{n}⁩ شکایات میں موجود ہے:</translation>
    </message>
    <message>
        <source>This CNIC or mobile number appears in 1 earlier complaint:</source>
        <translation>یہ شناختی کارڈ نمبر یا موبائل نمبر پہلے کی 1 شکایت میں موجود ہے:</translation>
    </message>
    <message>
        <source>This CNIC or mobile number appears in {n} earlier complaints:</source>
        <translation>یہ شناختی کارڈ نمبر یا موبائل نمبر پہلے کی ⁨{n}⁩ شکایات میں موجود ہے:</translation>
    </message>
    <message>
        <source>This CNIC or mobile number appears in {n} or more complaints:</source>
        <translation>یہ شناختی کارڈ نمبر یا موبائل نمبر ⁨{n}⁩ یا اس سے زیادہ شکایات میں موجود ہے:</translation>
    </message>
    <message>
        <source>• {number} ({day}): {name}, {status}</source>
        <translation>• ⁨{number}⁩ (⁨{day}⁩): ⁨{name}⁩، ⁨{status}⁩</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>اور ⁨{n}⁩ مزید</translation>
    </message>
    <message>
        <source>Check with the citizen that this is not the same complaint again. You can still save.</source>
        <translation>شہری سے تصدیق کر لیں کہ یہ وہی شکایت دوبارہ تو نہیں۔ آپ پھر بھی محفوظ کر سکتے ہیں۔</translation>
    </message>
</context>
<context>
    <name>EnrollStationDialog</name>
    <message>
        <source>Enroll a station — CPLC Desk</source>
        <translation>تھانے کا اندراج کریں — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Choose the police station whose desk is to send bundles here. Next you choose where to save its enrollment file, which the station&apos;s desk is set up from.</source>
        <translation>وہ تھانہ منتخب کریں جس کے ڈیسک کو یہاں بنڈل بھیجنے ہیں۔ اس کے بعد آپ منتخب کریں گے کہ اس کی اندراج فائل کہاں محفوظ کی جائے؛ اسی فائل سے تھانے کا ڈیسک سیٹ اپ ہوتا ہے۔</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>آگے بڑھیں…</translation>
    </message>
    <message>
        <source>{name} is already enrolled. A new file lets its desk enroll again, for example on a new computer.</source>
        <translation>⁨{name}⁩ کا اندراج پہلے ہی ہو چکا ہے۔ نئی فائل سے اس کے ڈیسک کا دوبارہ اندراج ہو سکتا ہے، مثلاً کسی نئے کمپیوٹر پر۔</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Any police station</source>
        <translation>کوئی بھی تھانہ</translation>
    </message>
    <message>
        <source>Police station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>Any district</source>
        <translation>کوئی بھی ضلع</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>report {value}</source>
        <translation>رپورٹ ⁨{value}⁩</translation>
    </message>
    <message>
        <source>owner&apos;s CNIC {value}</source>
        <translation>مالک کا شناختی کارڈ نمبر ⁨{value}⁩</translation>
    </message>
    <message>
        <source>owners whose name starts “{name}”</source>
        <translation>وہ مالکان جن کا نام “⁨{name}⁩” سے شروع ہوتا ہے</translation>
    </message>
    <message>
        <source>Searching {parts}</source>
        <translation>تلاش: ⁨{parts}⁩</translation>
    </message>
    <message>
        <source> or </source>
        <translation> یا </translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator — CPLC Desk</source>
        <translation>ایڈمنسٹریٹر کا اکاؤنٹ بنائیں — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>This desk has no accounts yet. Create the account that manages the others (a station&apos;s supervisor, headquarters&apos; administrator).</source>
        <translation>اس ڈیسک پر ابھی کوئی اکاؤنٹ نہیں۔ وہ اکاؤنٹ بنائیں جس سے باقی اکاؤنٹس کا انتظام ہوگا (تھانے کا سپروائزر، یا ہیڈ کوارٹر کا ایڈمنسٹریٹر)۔</translation>
    </message>
</context>
<context>
    <name>FollowUpBox</name>
    <message>
        <source>What was done or learned, e.g. SHO says the FIR will be lodged today.</source>
        <translation>کیا کیا گیا یا کیا معلوم ہوا، مثلاً ایس ایچ او کا کہنا ہے کہ ایف آئی آر آج درج ہو جائے گی۔</translation>
    </message>
    <message>
        <source>Add &amp;follow-up</source>
        <translation>پیروی درج کریں</translation>
    </message>
    <message>
        <source>No&amp;te (required):</source>
        <translation>نوٹ (ضروری):</translation>
    </message>
    <message>
        <source>This complaint is {status}: it takes no more follow-ups.</source>
        <translation>یہ شکایت ⁨{status}⁩ ہے: اس پر مزید پیروی درج نہیں ہو سکتی۔</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <source>e.g. 21:30, if known</source>
        <translation>مثلاً 21:30، اگر معلوم ہو</translation>
    </message>
    <message>
        <source>Street, area or landmark</source>
        <translation>گلی، علاقہ یا کوئی مشہور جگہ</translation>
    </message>
    <message>
        <source>Type part of the station&apos;s name</source>
        <translation>تھانے کے نام کا کچھ حصہ لکھیں</translation>
    </message>
    <message>
        <source>e.g. 123/2026, if lodged</source>
        <translation>مثلاً 123/2026، اگر درج ہو چکی ہو</translation>
    </message>
    <message>
        <source>Choose a police station from the list.</source>
        <translation>فہرست میں سے تھانہ منتخب کریں۔</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>on time</source>
        <comment>a station&apos;s clock</comment>
        <translation>درست</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>⁨{n}⁩ منٹ</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>⁨{n}⁩ گھنٹے</translation>
    </message>
    <message>
        <source>{amount} ahead</source>
        <translation>⁨{amount}⁩ آگے</translation>
    </message>
    <message>
        <source>{amount} behind</source>
        <translation>⁨{amount}⁩ پیچھے</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import bundles — CPLC Desk</source>
        <translation>بنڈل درآمد کریں — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Choose the bundle files the station desks sent, or a whole folder such as a USB stick: every bundle in it and its subfolders is imported. A bundle imported before is recognised and left alone; one that arrives before an earlier bundle is held until that one comes.</source>
        <translation>تھانہ ڈیسکوں کی بھیجی ہوئی بنڈل فائلیں منتخب کریں، یا پورا فولڈر جیسے یو ایس بی: اس میں اور اس کے اندر کے فولڈروں میں موجود ہر بنڈل درآمد ہو جائے گا۔ پہلے درآمد ہو چکا بنڈل پہچان کر چھوڑ دیا جاتا ہے؛ جو بنڈل اپنے سے پہلے والے بنڈل سے پہلے پہنچ جائے، وہ اس وقت تک روکا جاتا ہے جب تک پہلے والا نہ آ جائے۔</translation>
    </message>
    <message>
        <source>Choose bundle files…</source>
        <translation>بنڈل فائلیں منتخب کریں…</translation>
    </message>
    <message>
        <source>Choose a folder or USB stick…</source>
        <translation>فولڈر یا یو ایس بی منتخب کریں…</translation>
    </message>
    <message>
        <source>Choose bundle files or a folder to start the import.</source>
        <translation>درآمد شروع کرنے کے لیے بنڈل فائلیں یا فولڈر منتخب کریں۔</translation>
    </message>
    <message>
        <source>Choose the bundles to import</source>
        <translation>درآمد کرنے کے لیے بنڈل منتخب کریں</translation>
    </message>
    <message>
        <source>CPLC bundles (*{suffix});;All files (*)</source>
        <translation>سی پی ایل سی بنڈل (*⁨{suffix}⁩);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Choose the folder or USB stick holding the bundles</source>
        <translation>بنڈلوں والا فولڈر یا یو ایس بی منتخب کریں</translation>
    </message>
    <message>
        <source>Looking for bundles…</source>
        <translation>بنڈل تلاش کیے جا رہے ہیں…</translation>
    </message>
    <message>
        <source>Importing bundle {n} of {total}: {file}</source>
        <translation>⁨{total}⁩ میں سے بنڈل ⁨{n}⁩ درآمد ہو رہا ہے: ⁨{file}⁩</translation>
    </message>
    <message>
        <source>No bundles were found in what you chose. Nothing was imported.</source>
        <translation>آپ کی منتخب کردہ فائلوں یا فولڈر میں کوئی بنڈل نہیں ملا۔ کچھ بھی درآمد نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Bundles read: {total} · accepted: {accepted} · already imported: {already} · held: {held} · refused: {refused}
Records: {new} new · {updated} updated · {unchanged} unchanged · {conflicts} conflicts</source>
        <translation>پڑھے گئے بنڈل: ⁨{total}⁩ · قبول: ⁨{accepted}⁩ · پہلے سے درآمد شدہ: ⁨{already}⁩ · روکے گئے: ⁨{held}⁩ · مسترد: ⁨{refused}⁩
ریکارڈ: ⁨{new}⁩ نئے · ⁨{updated}⁩ اپ ڈیٹ · ⁨{unchanged}⁩ بغیر تبدیلی · ⁨{conflicts}⁩ تضادات</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>File</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>New</source>
        <translation>نئے</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>اپ ڈیٹ</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>بغیر تبدیلی</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>تضادات</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیغام</translation>
    </message>
</context>
<context>
    <name>JoinFieldsWidget</name>
    <message>
        <source>Join a headquarters already set up on this server (another workstation)</source>
        <translation>اس سرور پر پہلے سے قائم ہیڈ کوارٹر میں شامل ہوں (ایک اور ورک اسٹیشن)</translation>
    </message>
    <message>
        <source>optional: a .cplckeys file</source>
        <translation>اختیاری: ایک ‎.cplckeys‎ فائل</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>منتخب کریں…</translation>
    </message>
    <message>
        <source>Sign in below with your existing account at headquarters. Without headquarters&apos; keys (sealed at a workstation that has them with cplc-desk export-hq-keys) this computer works on the records but cannot enroll stations or open bundles.</source>
        <translation>نیچے ہیڈ کوارٹر میں اپنے موجودہ اکاؤنٹ سے سائن اِن کریں۔ ہیڈ کوارٹر کی کلیدوں کے بغیر (جو کسی ایسے ورک اسٹیشن پر cplc-desk export-hq-keys سے سیل کی جاتی ہیں جس کے پاس وہ ہوں) یہ کمپیوٹر ریکارڈ پر کام کرتا ہے مگر تھانوں کا اندراج نہیں کر سکتا نہ بنڈل کھول سکتا ہے۔</translation>
    </message>
    <message>
        <source>Headquarters&apos; keys:</source>
        <translation>ہیڈ کوارٹر کی کلیدیں:</translation>
    </message>
    <message>
        <source>Keys passphrase:</source>
        <translation>کلیدوں کا پاس فریز:</translation>
    </message>
    <message>
        <source>Headquarters&apos; keys</source>
        <translation>ہیڈ کوارٹر کی کلیدیں</translation>
    </message>
    <message>
        <source>Sealed keys (*.cplckeys);;All files (*)</source>
        <translation>سیل شدہ کلیدیں (*.cplckeys);;تمام فائلیں (*)</translation>
    </message>
</context>
<context>
    <name>KeysetTableModel</name>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>The district of the police station</source>
        <translation>تھانے کا ضلع</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Open</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>گنتی ہو رہی ہے…</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Unlock</source>
        <translation>لاک کھولیں</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>یوزر نیم:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>پاس ورڈ:</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>لاک ہے</translation>
    </message>
    <message>
        <source>{name} is signed in. Type the password to go on, or sign in with another account, which signs {name} out.</source>
        <translation>⁨{name}⁩ سائن اِن ہیں۔ جاری رکھنے کے لیے پاس ورڈ لکھیں، یا کسی دوسرے اکاؤنٹ سے سائن اِن کریں؛ اس سے ⁨{name}⁩ سائن آؤٹ ہو جائیں گے۔</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>سائن آؤٹ ہو گیا</translation>
    </message>
    <message>
        <source>Sign in to use this desk.</source>
        <translation>یہ ڈیسک استعمال کرنے کے لیے سائن اِن کریں۔</translation>
    </message>
    <message>
        <source>Demo desk: account {name}, password {password}.</source>
        <translation>ڈیمو ڈیسک: اکاؤنٹ ⁨{name}⁩، پاس ورڈ ⁨{password}⁩۔</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>سائن اِن کریں</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — CPLC Desk</source>
        <translation>سائن اِن — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>CPLC Desk</source>
        <translation>سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>یوزر نیم:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>پاس ورڈ:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>سائن اِن کریں</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CPLC Desk</source>
        <translation>سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>CPLC Desk — {name} ({code})</source>
        <translation>سی پی ایل سی ڈیسک — ⁨{name}⁩ (⁨{code}⁩)</translation>
    </message>
    <message>
        <source>{title} — demo</source>
        <translation>⁨{title}⁩ — ڈیمو</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <source>&amp;Import a register (Excel or CSV)…</source>
        <translation>رجسٹر درآمد کریں (ایکسل یا CSV)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>پروگرام بند کریں</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>اکاؤنٹ</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>لاک کریں</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>سائن آؤٹ کریں</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>اپنا پاس ورڈ تبدیل کریں…</translation>
    </message>
    <message>
        <source>&amp;Manage accounts…</source>
        <translation>اکاؤنٹس کا انتظام…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>جائیں</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ٹولز</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>آڈٹ ریکارڈ…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>ابھی بیک اپ لیں</translation>
    </message>
    <message>
        <source>Backup &amp;copies to a USB stick…</source>
        <translation>بیک اپ کی کاپیاں یو ایس بی پر…</translation>
    </message>
    <message>
        <source>Backup &amp;recovery code…</source>
        <translation>بیک اپ کا ریکوری کوڈ…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <source>&amp;About CPLC Desk</source>
        <translation>سی پی ایل سی ڈیسک کے بارے میں</translation>
    </message>
    <message>
        <source>{kind} · {code}</source>
        <translation>⁨{kind}⁩ · ⁨{code}⁩</translation>
    </message>
    <message>
        <source>Desk not set up</source>
        <translation>ڈیسک سیٹ اپ نہیں ہوا</translation>
    </message>
    <message>
        <source>Data folder: {path}</source>
        <translation>ڈیٹا فولڈر: ⁨{path}⁩</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>سرور: ⁨{server}⁩</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>سائن اِن: ⁨{name}⁩ (⁨{role}⁩)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>کوئی سائن اِن نہیں</translation>
    </message>
    <message>
        <source>Still working</source>
        <translation>کام ابھی جاری ہے</translation>
    </message>
    <message>
        <source>A bundle is still being written or imported. Sign out once it is done.</source>
        <translation>ایک بنڈل ابھی لکھا یا درآمد کیا جا رہا ہے۔ یہ کام مکمل ہونے کے بعد سائن آؤٹ کریں۔</translation>
    </message>
    <message>
        <source>Language not changed</source>
        <translation>زبان تبدیل نہیں ہوئی</translation>
    </message>
    <message>
        <source>A bundle is still being written or imported. Change the language once it is done.</source>
        <translation>ابھی ایک بنڈل بن رہا ہے یا درآمد ہو رہا ہے۔ اس کے مکمل ہونے کے بعد زبان تبدیل کریں۔</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>پاس ورڈ تبدیل ہو گیا</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>آپ کا پاس ورڈ تبدیل ہو گیا ہے۔</translation>
    </message>
    <message>
        <source>Complaints: {complaints} · Vehicle reports: {vehicles}</source>
        <translation>شکایات: ⁨{complaints}⁩ · گاڑیوں کی رپورٹیں: ⁨{vehicles}⁩</translation>
    </message>
    <message>
        <source>A bundle is still being written or imported. CPLC Desk can close once it has finished.</source>
        <translation>ایک بنڈل ابھی لکھا یا درآمد کیا جا رہا ہے۔ یہ کام مکمل ہونے کے بعد سی پی ایل سی ڈیسک بند ہو سکے گا۔</translation>
    </message>
    <message>
        <source>About CPLC Desk</source>
        <translation>سی پی ایل سی ڈیسک کے بارے میں</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CPLC Desk {version}&lt;/h3&gt;&lt;p&gt;Records citizens&apos; complaints and vehicle thefts at the desks of the Citizens-Police Liaison Committee in Karachi&apos;s police stations, and merges them at headquarters.&lt;/p&gt;&lt;p&gt;Works offline; records travel between desks in signed bundles.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;سی پی ایل سی ڈیسک ⁨{version}⁩&lt;/h3&gt;&lt;p&gt;کراچی کے تھانوں میں سٹیزنز پولیس لائژن کمیٹی کے ڈیسکوں پر شہریوں کی شکایات اور گاڑیوں کی چوری کا ریکارڈ رکھتا ہے، اور ہیڈ کوارٹر میں انہیں ضم کرتا ہے۔&lt;/p&gt;&lt;p&gt;انٹرنیٹ کے بغیر کام کرتا ہے؛ ریکارڈ دستخط شدہ بنڈلوں کے ذریعے ایک ڈیسک سے دوسرے ڈیسک تک جاتے ہیں۔&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message>
        <source>&amp;Confirm this match…</source>
        <translation>اس مماثلت کی تصدیق کریں…</translation>
    </message>
    <message>
        <source>&amp;None of these</source>
        <translation>ان میں سے کوئی نہیں</translation>
    </message>
    <message>
        <source>A hotlist report is closed by the desk that registered it.</source>
        <translation>ہاٹ لسٹ کی رپورٹ وہی ڈیسک بند کرتا ہے جس نے اسے درج کیا تھا۔</translation>
    </message>
    <message>
        <source>Confirm the match?</source>
        <translation>مماثلت کی تصدیق کریں؟</translation>
    </message>
</context>
<context>
    <name>MatchPreview</name>
    <message>
        <source>Theft reports this vehicle may be</source>
        <translation>چوری کی وہ رپورٹیں جو اس گاڑی کی ہو سکتی ہیں</translation>
    </message>
    <message>
        <source>Numbers decide; make, model and colour are shown, not scored (a vehicle can be repainted). After saving you confirm the right report, or none.</source>
        <translation>فیصلہ نمبروں سے ہوتا ہے؛ کمپنی، ماڈل اور رنگ صرف دکھائے جاتے ہیں، ان کے نمبر نہیں لگتے (گاڑی کا رنگ بدلا جا سکتا ہے)۔ محفوظ کرنے کے بعد آپ صحیح رپورٹ کی تصدیق کریں گے، یا کسی کی نہیں۔</translation>
    </message>
    <message>
        <source>No open theft report has these numbers yet.</source>
        <translation>ابھی تک چوری کی کسی جاری رپورٹ میں یہ نمبر نہیں ہیں۔</translation>
    </message>
    <message>
        <source>{number} · {description} · {station}</source>
        <translation>⁨{number}⁩ · ⁨{description}⁩ · ⁨{station}⁩</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…اور ⁨{n}⁩ مزید۔</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Registered</source>
        <translation>درج</translation>
    </message>
    <message>
        <source>Referred to police</source>
        <translation>پولیس کو بھیجی گئی</translation>
    </message>
    <message>
        <source>FIR lodged</source>
        <translation>ایف آئی آر درج ہو گئی</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>کارروائی ہو گئی</translation>
    </message>
    <message>
        <source>Under follow-up</source>
        <translation>زیرِ پیروی</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>حل شدہ</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>complaint status</comment>
        <translation>بند</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>واپس لی گئی</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>دہری (ڈپلیکیٹ)</translation>
    </message>
    <message>
        <source>Not in CPLC&apos;s remit</source>
        <translation>سی پی ایل سی کے دائرۂ کار سے باہر</translation>
    </message>
    <message>
        <source>Stolen</source>
        <translation>چوری شدہ</translation>
    </message>
    <message>
        <source>Snatched</source>
        <translation>چھینی گئی</translation>
    </message>
    <message>
        <source>Recovered</source>
        <comment>vehicle report kind</comment>
        <translation>برآمد شدہ</translation>
    </message>
    <message>
        <source>Found abandoned</source>
        <translation>لاوارث ملی</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>جاری</translation>
    </message>
    <message>
        <source>Recovered</source>
        <comment>vehicle report status</comment>
        <translation>برآمد ہو گئی</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>مماثلت مل گئی</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>vehicle report status</comment>
        <translation>بند</translation>
    </message>
    <message>
        <source>Recovered</source>
        <comment>phone report kind</comment>
        <translation>برآمد شدہ</translation>
    </message>
    <message>
        <source>Found</source>
        <comment>phone report kind</comment>
        <translation>ملا</translation>
    </message>
    <message>
        <source>Recovered</source>
        <comment>phone report status</comment>
        <translation>برآمد شدہ</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>phone report status</comment>
        <translation>بند</translation>
    </message>
    <message>
        <source>Police-station desk</source>
        <translation>تھانہ ڈیسک</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>ہیڈ کوارٹر</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>station key</comment>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Revoked</source>
        <comment>station key</comment>
        <translation>منسوخ</translation>
    </message>
    <message>
        <source>Enrollment pending</source>
        <comment>station key</comment>
        <translation>اندراج زیرِ التوا</translation>
    </message>
    <message>
        <source>Enrollment expired</source>
        <comment>station key</comment>
        <translation>اندراج کی مدت ختم</translation>
    </message>
    <message>
        <source>Accepted</source>
        <comment>bundle</comment>
        <translation>قبول کر لیا گیا</translation>
    </message>
    <message>
        <source>Already imported</source>
        <comment>bundle</comment>
        <translation>پہلے ہی درآمد ہو چکا</translation>
    </message>
    <message>
        <source>Held</source>
        <comment>bundle</comment>
        <translation>روکا گیا</translation>
    </message>
    <message>
        <source>Refused</source>
        <comment>bundle</comment>
        <translation>مسترد</translation>
    </message>
</context>
<context>
    <name>NearNumbers</name>
    <message>
        <source>This desk holds a handset one digit from {imei}. Did you mean:</source>
        <translation>اس ڈیسک پر ایک فون درج ہے جس کا IMEI ⁨{imei}⁩ سے صرف ایک ہندسہ مختلف ہے۔ کیا آپ کا مطلب یہ تھا:</translation>
    </message>
    <message>
        <source>{imei} ({number}, {kind}, {handset})</source>
        <translation>⁨{imei}⁩ (⁨{number}⁩، ⁨{kind}⁩، ⁨{handset}⁩)</translation>
    </message>
</context>
<context>
    <name>NoteActionBox</name>
    <message>
        <source>Next follow-up on</source>
        <translation>اگلی پیروی کی تاریخ</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Complaints</source>
        <translation>شکایات</translation>
    </message>
    <message>
        <source>all registered</source>
        <translation>تمام درج شدہ</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>جاری شکایات</translation>
    </message>
    <message>
        <source>waiting for action or follow-up</source>
        <translation>کارروائی یا پیروی کی منتظر</translation>
    </message>
    <message>
        <source>Vehicle reports</source>
        <translation>گاڑیوں کی رپورٹیں</translation>
    </message>
    <message>
        <source>all kinds</source>
        <translation>ہر قسم کی</translation>
    </message>
    <message>
        <source>Open vehicle reports</source>
        <translation>گاڑیوں کی جاری رپورٹیں</translation>
    </message>
    <message>
        <source>not yet recovered or matched</source>
        <translation>جو ابھی برآمد یا مماثل نہیں ہوئیں</translation>
    </message>
    <message>
        <source>Complaints by status</source>
        <translation>شکایات، کیفیت کے لحاظ سے</translation>
    </message>
    <message>
        <source>Vehicle reports by kind</source>
        <translation>گاڑیوں کی رپورٹیں، قسم کے لحاظ سے</translation>
    </message>
    <message>
        <source>Vehicle reports by status</source>
        <translation>گاڑیوں کی رپورٹیں، کیفیت کے لحاظ سے</translation>
    </message>
    <message>
        <source>Complaints by police station</source>
        <translation>شکایات، تھانے کے لحاظ سے</translation>
    </message>
    <message>
        <source>What each area is for</source>
        <translation>ہر حصہ کس کام کے لیے ہے</translation>
    </message>
    <message>
        <source>This desk is not set up</source>
        <translation>یہ ڈیسک ابھی سیٹ اپ نہیں ہوا</translation>
    </message>
    <message>
        <source>No records yet.</source>
        <translation>ابھی کوئی ریکارڈ نہیں۔</translation>
    </message>
    <message>
        <source>No records yet. Register the first complaint on the Complaints page.</source>
        <translation>ابھی کوئی ریکارڈ نہیں۔ پہلی شکایت “شکایات” والے صفحے پر درج کریں۔</translation>
    </message>
    <message>
        <source>No records yet. They arrive when station desks&apos; bundles are imported on the Stations page.</source>
        <translation>ابھی کوئی ریکارڈ نہیں۔ ریکارڈ اس وقت آئیں گے جب “تھانے” والے صفحے پر تھانہ ڈیسکوں کے بنڈل درآمد کیے جائیں گے۔</translation>
    </message>
    <message>
        <source>{kind} · {station} police station ({code}) · District {district} · {zone} Zone</source>
        <translation>⁨{kind}⁩ · تھانہ ⁨{station}⁩ (⁨{code}⁩) · ضلع ⁨{district}⁩ · ⁨{zone}⁩ زون</translation>
    </message>
    <message>
        <source>{kind} ({code}) · merges the records of every station desk</source>
        <translation>⁨{kind}⁩ (⁨{code}⁩) · تمام تھانہ ڈیسکوں کے ریکارڈ ضم کرتا ہے</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>⁨{name}⁩ (⁨{code}⁩)</translation>
    </message>
    <message>
        <source>{n} other stations</source>
        <translation>⁨{n}⁩ دیگر تھانے</translation>
    </message>
</context>
<context>
    <name>PhoneCityChecksDialog</name>
    <message>
        <source>City-wide phone checks</source>
        <translation>شہر بھر کے فونز کی جانچ</translation>
    </message>
    <message>
        <source>Comparing every station&apos;s phone reports…</source>
        <translation>ہر تھانے کی فون کی رپورٹوں کا موازنہ ہو رہا ہے…</translation>
    </message>
    <message>
        <source>the theft report&apos;s</source>
        <translation>چوری کی رپورٹ کا</translation>
    </message>
    <message>
        <source>the later report&apos;s</source>
        <translation>بعد والی رپورٹ کا</translation>
    </message>
    <message>
        <source>both registered at the same station</source>
        <translation>دونوں ایک ہی تھانے میں درج ہوئیں</translation>
    </message>
    <message>
        <source>Open phone reports of every station compared.</source>
        <translation>ہر تھانے کی فون کی جاری رپورٹوں کا موازنہ مکمل ہو گیا۔</translation>
    </message>
    <message>
        <source>Open recovered or found handsets with the IMEI of an open theft report registered at another station ({n}). The station that registered the theft confirms it.</source>
        <translation>وہ برآمد شدہ یا ملے ہوئے فون جن کا IMEI کسی دوسرے تھانے میں درج چوری کی جاری رپورٹ والا ہے (⁨{n}⁩)۔ جس تھانے میں چوری درج ہوئی تھی، وہی اس کی تصدیق کرتا ہے۔</translation>
    </message>
    <message>
        <source>Open theft reports that share an IMEI, so probably describe the same handset: reported at two stations, or twice at one ({n}).</source>
        <translation>چوری کی وہ جاری رپورٹیں جن کا ایک IMEI مشترک ہے، اس لیے غالباً ایک ہی فون کی ہیں: دو تھانوں میں درج ہوئیں، یا ایک ہی تھانے میں دو بار (⁨{n}⁩)۔</translation>
    </message>
    <message>
        <source>{number} · {kind} · {handset} · {when}</source>
        <translation>⁨{number}⁩ · ⁨{kind}⁩ · ⁨{handset}⁩ · ⁨{when}⁩</translation>
    </message>
    <message>
        <source>IMEI 1</source>
        <translation>IMEI 1</translation>
    </message>
    <message>
        <source>IMEI 2</source>
        <translation>IMEI 2</translation>
    </message>
    <message>
        <source>{mine} {number} is {other} {theirs}</source>
        <translation>⁨{mine}⁩ ⁨{number}⁩ وہی ہے جو ⁨{other}⁩ ⁨{theirs}⁩ ہے</translation>
    </message>
    <message>
        <source>{mine} {number} is one digit from {other} {theirs} (altered or mistyped)</source>
        <translation>⁨{mine}⁩ ⁨{number}⁩ اور ⁨{other}⁩ ⁨{theirs}⁩ میں ایک ہندسے کا فرق ہے (تبدیل شدہ یا غلط لکھا گیا)</translation>
    </message>
</context>
<context>
    <name>PhoneDetail</name>
    <message>
        <source>registered</source>
        <translation>درج ہوئی</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>واقعہ</translation>
    </message>
    <message>
        <source>status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>‏IMEI</translation>
    </message>
    <message>
        <source>second IMEI</source>
        <translation>دوسرا IMEI</translation>
    </message>
    <message>
        <source>IMEI suspected altered</source>
        <translation>‏IMEI میں تبدیلی کا شبہ</translation>
    </message>
    <message>
        <source>IMEI note</source>
        <translation>‏IMEI کا نوٹ</translation>
    </message>
    <message>
        <source>make</source>
        <translation>کمپنی</translation>
    </message>
    <message>
        <source>model</source>
        <translation>ماڈل</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>رنگ</translation>
    </message>
    <message>
        <source>SIM number</source>
        <translation>سم نمبر</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>مالک</translation>
    </message>
    <message>
        <source>when</source>
        <translation>کب</translation>
    </message>
    <message>
        <source>where</source>
        <translation>کہاں</translation>
    </message>
    <message>
        <source>police station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>FIR number</source>
        <translation>ایف آئی آر نمبر</translation>
    </message>
    <message>
        <source>FIR date</source>
        <translation>ایف آئی آر کی تاریخ</translation>
    </message>
    <message>
        <source>matched report</source>
        <translation>ملائی گئی رپورٹ</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>ہٹا دی گئی</translation>
    </message>
</context>
<context>
    <name>PhoneDetailDialog</name>
    <message>
        <source>Phone report {number} — CPLC Desk</source>
        <translation>فون کی رپورٹ ⁨{number}⁩ — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>History</source>
        <translation>تاریخچہ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>کب</translation>
    </message>
    <message>
        <source>By</source>
        <translation>کس نے</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>کیا بدلا</translation>
    </message>
    <message>
        <source>History of this report</source>
        <translation>اس رپورٹ کا تاریخچہ</translation>
    </message>
    <message>
        <source>no visible change</source>
        <translation>کوئی نظر آنے والی تبدیلی نہیں</translation>
    </message>
    <message>
        <source>Yes: {note}</source>
        <translation>ہاں: ⁨{note}⁩</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <source>IMEI:</source>
        <translation>‏IMEI:</translation>
    </message>
    <message>
        <source>Second IMEI:</source>
        <translation>دوسرا IMEI:</translation>
    </message>
    <message>
        <source>IMEI suspected altered:</source>
        <translation>‏IMEI میں تبدیلی کا شبہ:</translation>
    </message>
    <message>
        <source>No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <source>Handset:</source>
        <translation>فون:</translation>
    </message>
    <message>
        <source>SIM in use:</source>
        <translation>زیرِ استعمال سم:</translation>
    </message>
</context>
<context>
    <name>PhoneFields</name>
    <message>
        <source>15 digits: dial *#06#, or see the box</source>
        <translation>15 ہندسے: ‎*#06#‎ ملائیں، یا ڈبے پر دیکھیں</translation>
    </message>
    <message>
        <source>Dual-SIM phones have a second IMEI</source>
        <translation>دو سم والے فون کا دوسرا IMEI بھی ہوتا ہے</translation>
    </message>
    <message>
        <source>IMEI suspected &amp;altered (re-programmed)</source>
        <translation>‏IMEI میں تبدیلی کا شبہ (دوبارہ پروگرام کیا گیا)</translation>
    </message>
    <message>
        <source>Why: e.g. the IMEI on the phone differs from the box</source>
        <translation>وجہ: مثلاً فون کا IMEI ڈبے پر لکھے IMEI سے مختلف ہے</translation>
    </message>
    <message>
        <source>e.g. Samsung</source>
        <translation>مثلاً Samsung</translation>
    </message>
    <message>
        <source>e.g. Galaxy A12</source>
        <translation>مثلاً Galaxy A12</translation>
    </message>
    <message>
        <source>0300-1234567</source>
        <translation>0300-1234567</translation>
    </message>
    <message>
        <source>Mode&amp;l:</source>
        <translation>ماڈل:</translation>
    </message>
    <message>
        <source>SIM in &amp;use:</source>
        <translation>زیرِ استعمال سم:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>وقت:</translation>
    </message>
    <message>
        <source>FIR &amp;date:</source>
        <translation>ایف آئی آر کی تاریخ:</translation>
    </message>
    <message>
        <source>The handset</source>
        <translation>فون</translation>
    </message>
    <message>
        <source>&amp;IMEI: *</source>
        <translation>‏IMEI: *</translation>
    </message>
    <message>
        <source>S&amp;econd IMEI:</source>
        <translation>دوسرا IMEI:</translation>
    </message>
    <message>
        <source>IMEI &amp;note:</source>
        <translation>‏IMEI کا نوٹ:</translation>
    </message>
</context>
<context>
    <name>PhoneFilters</name>
    <message>
        <source>Type an IMEI, a report number, or the owner&apos;s CNIC, mobile (or the SIM&apos;s) or name.</source>
        <translation>‏IMEI، رپورٹ نمبر، یا مالک کا شناختی کارڈ نمبر، موبائل نمبر (یا سم نمبر) یا نام لکھیں۔</translation>
    </message>
    <message>
        <source>IMEI {value}</source>
        <translation>‏IMEI ⁨{value}⁩</translation>
    </message>
    <message>
        <source>owner&apos;s mobile or SIM {value}</source>
        <translation>مالک کا موبائل یا سم نمبر ⁨{value}⁩</translation>
    </message>
</context>
<context>
    <name>PhoneFormDialog</name>
    <message>
        <source>Record a phone — CPLC Desk</source>
        <translation>فون کا ریکارڈ درج کریں — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Phone report registered</source>
        <translation>فون کی رپورٹ درج ہو گئی</translation>
    </message>
    <message>
        <source>Record &amp;another phone</source>
        <translation>ایک اور فون درج کریں</translation>
    </message>
    <message>
        <source>no IMEI typed yet</source>
        <translation>ابھی کوئی IMEI نہیں لکھا گیا</translation>
    </message>
    <message>
        <source>A phone report was being typed here on {when} (IMEI {imei}) and was not saved, perhaps because of a power cut.

Continue it? If you answer No, it is thrown away.</source>
        <translation>یہاں ⁨{when}⁩ کو فون کی ایک رپورٹ لکھی جا رہی تھی (IMEI ⁨{imei}⁩) جو محفوظ نہیں ہوئی، شاید بجلی جانے کی وجہ سے۔

کیا اسے جاری رکھیں؟ اگر آپ نہیں کہیں گے تو یہ ضائع کر دی جائے گی۔</translation>
    </message>
    <message>
        <source>Unsaved phone report</source>
        <translation>محفوظ نہ ہونے والی فون رپورٹ</translation>
    </message>
    <message>
        <source>The unsaved phone report was filled in again.</source>
        <translation>محفوظ نہ ہونے والی فون رپورٹ دوبارہ بھر دی گئی۔</translation>
    </message>
    <message>
        <source>Anyone checking this IMEI at this desk is now told the phone is reported {kind}. Give the owner the receipt: it carries the report number.</source>
        <translation>اب اس ڈیسک پر اس IMEI کی تصدیق کرنے والے ہر شخص کو بتایا جائے گا کہ اس فون کی رپورٹ درج ہے (⁨{kind}⁩)۔ مالک کو رسید دیں: اس پر رپورٹ نمبر درج ہے۔</translation>
    </message>
    <message>
        <source>No open theft report has this handset&apos;s IMEI yet. The recovery stays open; it is shown as “Not matched yet” in the list and can be matched later.</source>
        <translation>ابھی چوری کی کسی جاری رپورٹ میں اس فون کا IMEI نہیں ہے۔ برآمدگی کی رپورٹ جاری رہے گی؛ فہرست میں یہ “ابھی مماثلت نہیں ملی” کے طور پر دکھائی دے گی اور بعد میں ملائی جا سکتی ہے۔</translation>
    </message>
</context>
<context>
    <name>PhoneMatch</name>
    <message>
        <source>digit {n}</source>
        <translation>ہندسہ نمبر ⁨{n}⁩</translation>
    </message>
    <message>
        <source>IMEI {mine} of this handset = IMEI {theirs} of the report: {imei}</source>
        <translation>اس فون کا IMEI ⁨{mine}⁩ = رپورٹ کا IMEI ⁨{theirs}⁩: ⁨{imei}⁩</translation>
    </message>
    <message>
        <source>IMEI {mine} of this handset is one digit from IMEI {theirs} of the report ({where}: {here} here, {there} there): {imei}</source>
        <translation>اس فون کا IMEI ⁨{mine}⁩ رپورٹ کے IMEI ⁨{theirs}⁩ سے ایک ہندسہ مختلف ہے (⁨{where}⁩: یہاں ⁨{here}⁩، وہاں ⁨{there}⁩): ⁨{imei}⁩</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>کمپنی</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>ماڈل</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>رنگ</translation>
    </message>
    <message>
        <source>{what}: the same ({value})</source>
        <translation>⁨{what}⁩: ایک جیسا (⁨{value}⁩)</translation>
    </message>
    <message>
        <source>{what}: differs ({mine} here, {theirs} there)</source>
        <translation>⁨{what}⁩: مختلف (یہاں ⁨{mine}⁩، وہاں ⁨{theirs}⁩)</translation>
    </message>
</context>
<context>
    <name>PhoneMatchDialog</name>
    <message>
        <source>Is this the stolen phone? — CPLC Desk</source>
        <translation>کیا یہ وہی چوری شدہ فون ہے؟ — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Theft reports this handset may belong to</source>
        <translation>چوری کی وہ رپورٹیں جن کا یہ فون ہو سکتا ہے</translation>
    </message>
    <message>
        <source>Recovered handset {number}: IMEI {imeis}</source>
        <translation>برآمد شدہ فون ⁨{number}⁩: IMEI ⁨{imeis}⁩</translation>
    </message>
    <message>
        <source>Compare each report with the handset in front of you (dial *#06# to see its IMEIs). Confirm the one that is the same handset: that report is then closed as recovered. If none is, choose None of these; the recovery stays open.</source>
        <translation>ہر رپورٹ کا اپنے سامنے موجود فون سے موازنہ کریں (اس کے IMEI دیکھنے کے لیے ‎*#06#‎ ملائیں)۔ جو رپورٹ اسی فون کی ہو اس کی تصدیق کریں: وہ رپورٹ برآمد شدہ کے طور پر بند ہو جائے گی۔ اگر کوئی بھی نہ ہو تو “ان میں سے کوئی نہیں” چنیں؛ برآمدگی کی رپورٹ جاری رہے گی۔</translation>
    </message>
    <message>
        <source>This report is from headquarters&apos; hotlist: tell the police station that registered it that the handset was found; that desk closes it.</source>
        <translation>یہ رپورٹ ہیڈ کوارٹر کی ہاٹ لسٹ سے ہے: جس تھانے نے اسے درج کیا تھا اسے بتائیں کہ فون مل گیا ہے؛ وہی ڈیسک اسے بند کرے گا۔</translation>
    </message>
    <message>
        <source>Report {number} ({kind} at {station}) will be closed as recovered and linked to this recovery. Confirm that it is the same handset?</source>
        <translation>رپورٹ ⁨{number}⁩ (⁨{kind}⁩، تھانہ ⁨{station}⁩) برآمد شدہ کے طور پر بند ہو کر اس برآمدگی سے جوڑ دی جائے گی۔ کیا آپ تصدیق کرتے ہیں کہ یہ وہی فون ہے؟</translation>
    </message>
</context>
<context>
    <name>PhoneVerifyWidget</name>
    <message>
        <source>IMEI: dial *#06# on the phone, or see its box</source>
        <translation>‏IMEI: فون پر ‎*#06#‎ ملائیں، یا اس کا ڈبہ دیکھیں</translation>
    </message>
    <message>
        <source>IMEI to check</source>
        <translation>تصدیق کے لیے IMEI</translation>
    </message>
    <message>
        <source>Chec&amp;k a phone:</source>
        <translation>فون کی تصدیق کریں:</translation>
    </message>
    <message>
        <source>Type the phone&apos;s IMEI</source>
        <translation>فون کا IMEI لکھیں</translation>
    </message>
    <message>
        <source>An IMEI has 15 digits.</source>
        <translation>‏IMEI کے 15 ہندسے ہوتے ہیں۔</translation>
    </message>
    <message>
        <source>Do not buy or hand over this phone. Inform {stations} police station or CPLC.</source>
        <translation>یہ فون نہ خریدیں اور نہ کسی کے حوالے کریں۔ تھانہ ⁨{stations}⁩ یا سی پی ایل سی کو اطلاع دیں۔</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>برآمد شدہ</translation>
    </message>
    <message>
        <source>This phone was reported stolen or snatched and has since been recovered, or was found and recorded. No open theft report names it.</source>
        <translation>اس فون کی چوری یا چھینے جانے کی رپورٹ درج ہوئی تھی اور یہ بعد میں برآمد ہو گیا، یا یہ ملا اور درج کیا گیا۔ چوری کی کسی جاری رپورٹ میں اس کا ذکر نہیں۔</translation>
    </message>
    <message>
        <source>NEAR RECORD - READ THE IMEI AGAIN</source>
        <translation>ملتا جلتا ریکارڈ - IMEI دوبارہ پڑھیں</translation>
    </message>
    <message>
        <source>{imei} itself is not reported, but a handset one digit from it is (below). Dial *#06# on the phone and compare every digit before going on.</source>
        <translation>خود ⁨{imei}⁩ کی رپورٹ درج نہیں، لیکن اس سے ایک ہندسہ مختلف فون کی رپورٹ درج ہے (نیچے)۔ آگے بڑھنے سے پہلے فون پر ‎*#06#‎ ملائیں اور ہر ہندسہ ملا کر دیکھیں۔</translation>
    </message>
    <message>
        <source>No record</source>
        <translation>کوئی ریکارڈ نہیں</translation>
    </message>
    <message>
        <source>{imei} is not reported stolen, snatched or recovered here. This does not prove who owns it: ask for the box and the purchase receipt.</source>
        <translation>یہاں ⁨{imei}⁩ کی چوری، چھینے جانے یا برآمدگی کی کوئی رپورٹ درج نہیں۔ اس سے ملکیت ثابت نہیں ہوتی: ڈبہ اور خریداری کی رسید مانگیں۔</translation>
    </message>
    <message>
        <source>Note: this IMEI&apos;s check digit fails (altered, or mistyped).</source>
        <translation>نوٹ: اس IMEI کا آخری جانچ کا ہندسہ درست نہیں (تبدیل شدہ، یا غلط لکھا گیا)۔</translation>
    </message>
    <message>
        <source>Report {number}{source} · {kind}, {status}</source>
        <translation>رپورٹ ⁨{number}⁩⁨{source}⁩ · ⁨{kind}⁩، ⁨{status}⁩</translation>
    </message>
    <message>
        <source> (city-wide hotlist)</source>
        <translation> (پورے شہر کی ہاٹ لسٹ)</translation>
    </message>
    <message>
        <source>{station} police station · on {when}</source>
        <translation>تھانہ ⁨{station}⁩ · ⁨{when}⁩</translation>
    </message>
    <message>
        <source>{station} police station</source>
        <translation>تھانہ ⁨{station}⁩</translation>
    </message>
    <message>
        <source>IMEI {imei}</source>
        <translation>‏IMEI ⁨{imei}⁩</translation>
    </message>
    <message>
        <source>IMEI suspected altered</source>
        <translation>‏IMEI میں تبدیلی کا شبہ</translation>
    </message>
</context>
<context>
    <name>PhonesModel</name>
    <message>
        <source>{imei} (altered?)</source>
        <translation>⁨{imei}⁩ (تبدیل شدہ؟)</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>‏IMEI</translation>
    </message>
    <message>
        <source>Second IMEI</source>
        <translation>دوسرا IMEI</translation>
    </message>
    <message>
        <source>Handset</source>
        <translation>فون</translation>
    </message>
</context>
<context>
    <name>PhonesPage</name>
    <message>
        <source>Is this phone reported stolen?</source>
        <translation>کیا اس فون کی چوری کی رپورٹ درج ہے؟</translation>
    </message>
    <message>
        <source>Phone reports</source>
        <translation>فون کی رپورٹیں</translation>
    </message>
    <message>
        <source>Handsets recovered at one station and reported stolen at another, and handsets reported twice</source>
        <translation>ایک تھانے پر برآمد اور دوسرے تھانے پر چوری کی رپورٹ میں درج فون، اور دو بار رپورٹ کیے گئے فون</translation>
    </message>
    <message>
        <source>IMEI, report number, owner&apos;s CNIC, mobile or name, or the SIM number</source>
        <translation>‏IMEI، رپورٹ نمبر، مالک کا شناختی کارڈ نمبر، موبائل نمبر یا نام، یا سم نمبر</translation>
    </message>
    <message>
        <source>Search phone reports</source>
        <translation>فون کی رپورٹیں تلاش کریں</translation>
    </message>
    <message>
        <source>New phone report…</source>
        <translation>فون کی نئی رپورٹ…</translation>
    </message>
    <message>
        <source>Record a stolen, snatched, recovered or found phone (Ctrl+N)</source>
        <translation>چوری، چھینا گیا، برآمد شدہ یا ملا ہوا فون درج کریں (Ctrl+N)</translation>
    </message>
    <message>
        <source>Phone reports are registered at police-station desks</source>
        <translation>فون کی رپورٹیں تھانوں کے ڈیسک پر درج ہوتی ہیں</translation>
    </message>
    <message>
        <source>No phone reports match</source>
        <translation>کوئی فون رپورٹ نہیں ملتی</translation>
    </message>
    <message>
        <source>1 phone report</source>
        <translation>فون کی 1 رپورٹ</translation>
    </message>
    <message>
        <source>More than {count} phone reports</source>
        <translation>فون کی ⁨{count}⁩ سے زیادہ رپورٹیں</translation>
    </message>
    <message>
        <source>{count} phone reports</source>
        <translation>فون کی ⁨{count}⁩ رپورٹیں</translation>
    </message>
    <message>
        <source>No phone report matches this search. Check the IMEI, or clear the filters.</source>
        <translation>اس تلاش سے کوئی فون رپورٹ نہیں ملتی۔ IMEI دوبارہ دیکھیں، یا فلٹر ہٹا دیں۔</translation>
    </message>
    <message>
        <source>No phone reports yet. Record the first with New phone report… (Ctrl+N).</source>
        <translation>ابھی فون کی کوئی رپورٹ نہیں۔ پہلی رپورٹ ”فون کی نئی رپورٹ…“ (Ctrl+N) سے درج کریں۔</translation>
    </message>
    <message>
        <source>No phone reports yet. They arrive in the bundles stations send.</source>
        <translation>ابھی فون کی کوئی رپورٹ نہیں۔ یہ تھانوں کے بھیجے گئے بنڈلوں میں آتی ہیں۔</translation>
    </message>
    <message>
        <source>No open theft report has the IMEI of {number} yet. It stays open: when a matching theft report arrives, double-click it again.</source>
        <translation>ابھی چوری کی کسی جاری رپورٹ میں ⁨{number}⁩ کا IMEI نہیں ہے۔ یہ رپورٹ جاری رہے گی: جب اس سے مماثل چوری کی رپورٹ آئے تو اس پر دوبارہ ڈبل کلک کریں۔</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part of the desk is being built and arrives in a coming version.</source>
        <translation>ڈیسک کا یہ حصہ ابھی تیار ہو رہا ہے اور آنے والے کسی ورژن میں دستیاب ہوگا۔</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <source>The paper in this desk&apos;s printer</source>
        <translation>اس ڈیسک کے پرنٹر میں لگا کاغذ</translation>
    </message>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>رسید پرنٹ کریں…</translation>
    </message>
    <message>
        <source>See the receipt, then print it</source>
        <translation>رسید دیکھیں، پھر پرنٹ کریں</translation>
    </message>
    <message>
        <source>Save receipt as PD&amp;F…</source>
        <translation>رسید پی ڈی ایف میں محفوظ کریں…</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>کاغذ:</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>رسید ⁨{number}⁩</translation>
    </message>
    <message>
        <source>Not printed: the receipt was not counted as given out.</source>
        <translation>پرنٹ نہیں ہوئی: اس رسید کو دی گئی رسید میں شمار نہیں کیا گیا۔</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>رسید پی ڈی ایف میں محفوظ کریں</translation>
    </message>
    <message>
        <source>This version of CPLC Desk cannot make receipts yet.</source>
        <translation>سی پی ایل سی ڈیسک کا یہ ورژن ابھی رسیدیں نہیں بنا سکتا۔</translation>
    </message>
    <message>
        <source>It is marked COPY: a receipt for it went out before.</source>
        <translation>اس پر COPY (نقل) لکھا ہے: اس کی رسید پہلے دی جا چکی ہے۔</translation>
    </message>
    <message>
        <source>Receipt {number} was sent to the printer.</source>
        <translation>رسید ⁨{number}⁩ پرنٹر کو بھیج دی گئی۔</translation>
    </message>
    <message>
        <source>Receipt {number} was saved to {path}.</source>
        <translation>رسید ⁨{number}⁩ کو ⁨{path}⁩ میں محفوظ کر دیا گیا۔</translation>
    </message>
    <message>
        <source>The receipt could not be saved: {reason}</source>
        <translation>رسید محفوظ نہیں ہو سکی: ⁨{reason}⁩</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>A5 کاغذ</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>80 ملی میٹر رسید رول</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Receipt {number}: print preview</source>
        <translation>رسید ⁨{number}⁩: پرنٹ سے پہلے دیکھیں</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>کاغذ:</translation>
    </message>
    <message>
        <source>Printer: {name} (another can be chosen when you print)</source>
        <translation>پرنٹر: ⁨{name}⁩ (پرنٹ کرتے وقت دوسرا پرنٹر چنا جا سکتا ہے)</translation>
    </message>
    <message>
        <source>No printer is set up on this computer: save the receipt as a PDF.</source>
        <translation>اس کمپیوٹر پر کوئی پرنٹر نہیں لگا: رسید پی ڈی ایف میں محفوظ کریں۔</translation>
    </message>
    <message>
        <source>A receipt for {number} went out before: this one is marked COPY.</source>
        <translation>⁨{number}⁩ کی رسید پہلے دی جا چکی ہے: اس پر COPY (نقل) لکھا ہے۔</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>پرنٹ کریں…</translation>
    </message>
    <message>
        <source>Save as PD&amp;F…</source>
        <translation>پی ڈی ایف میں محفوظ کریں…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>رسید ⁨{number}⁩</translation>
    </message>
    <message>
        <source>The printer could not print the receipt: check that it is on and has paper, then print again, or save the receipt as a PDF.</source>
        <translation>پرنٹر رسید پرنٹ نہیں کر سکا: دیکھیں کہ پرنٹر آن ہے اور اس میں کاغذ ہے، پھر دوبارہ پرنٹ کریں، یا رسید پی ڈی ایف میں محفوظ کریں۔</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>رسید پی ڈی ایف میں محفوظ کریں</translation>
    </message>
    <message>
        <source>The receipt could not be saved: {reason}</source>
        <translation>رسید محفوظ نہیں ہو سکی: ⁨{reason}⁩</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinting</name>
    <message>
        <source>Print receipt</source>
        <translation>رسید پرنٹ کریں</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <source>{name} (father&apos;s / husband&apos;s name: {relative})</source>
        <translation>⁨{name}⁩ (والد / شوہر کا نام: ⁨{relative}⁩)</translation>
    </message>
</context>
<context>
    <name>RecordFormDialog</name>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>What you typed could not be kept as a draft: {reason}</source>
        <translation>آپ کا لکھا ہوا مسودے کے طور پر محفوظ نہیں ہو سکا: ⁨{reason}⁩</translation>
    </message>
    <message>
        <source>Please correct the boxes marked in red, then save again.</source>
        <translation>براہِ کرم سرخ نشان والے خانے درست کریں، پھر دوبارہ محفوظ کریں۔</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>محفوظ ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>محفوظ کیے بغیر بند کریں؟</translation>
    </message>
</context>
<context>
    <name>RecordsBehindDialog</name>
    <message>
        <source>{count} records. Double-click one to open it.</source>
        <translation>⁨{count}⁩ ریکارڈ۔ کھولنے کے لیے کسی ایک پر ڈبل کلک کریں۔</translation>
    </message>
    <message>
        <source>No records behind this figure.</source>
        <translation>اس عدد کے پیچھے کوئی ریکارڈ نہیں۔</translation>
    </message>
    <message>
        <source>Cannot open the record</source>
        <translation>ریکارڈ نہیں کھل سکا</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Backup recovery code — CPLC Desk</source>
        <translation>بیک اپ کا ریکوری کوڈ — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Write this code on paper</source>
        <translation>یہ کوڈ کاغذ پر لکھ لیں</translation>
    </message>
    <message>
        <source>The backup copies on the USB stick are sealed: on another computer (when this one is lost, stolen or broken) they open only with this code. Copy it by hand, check every group, and keep the paper with the station&apos;s records or at headquarters, never with the stick: the stick and the code together are the whole desk.</source>
        <translation>یو ایس بی پر موجود بیک اپ سیل شدہ ہیں: کسی دوسرے کمپیوٹر پر (جب یہ کمپیوٹر گم، چوری یا خراب ہو جائے) یہ صرف اسی کوڈ سے کھلتے ہیں۔ اسے ہاتھ سے لکھ لیں، ہر گروپ کو دوبارہ چیک کریں، اور یہ کاغذ تھانے کے ریکارڈ کے ساتھ یا ہیڈ کوارٹر میں رکھیں، یو ایس بی کے ساتھ کبھی نہیں: یو ایس بی اور یہ کوڈ ایک ساتھ جس کے ہاتھ لگیں، پورا ڈیسک اس کے ہاتھ میں ہے۔</translation>
    </message>
    <message>
        <source>Showing the code is recorded in the audit trail.</source>
        <translation>کوڈ دکھانا آڈٹ ریکارڈ میں درج ہو جاتا ہے۔</translation>
    </message>
</context>
<context>
    <name>RegisterImportDialog</name>
    <message>
        <source>Import a register — CPLC Desk</source>
        <translation>رجسٹر درآمد کریں — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Choose the register kept in Excel (a workbook, .xlsx) or saved as a CSV file. Its first row names the columns (docs/csv-import.md lists them). Rows already in the desk are skipped, so importing the same file again is safe: fix the rows listed below in the workbook and import it again.</source>
        <translation>ایکسل میں رکھا گیا رجسٹر (ورک بک، ‎.xlsx) یا CSV فائل کے طور پر محفوظ کیا گیا رجسٹر منتخب کریں۔ اس کی پہلی قطار میں کالموں کے نام ہوں (docs/csv-import.md میں ان کی فہرست ہے)۔ جو قطاریں پہلے سے ڈیسک میں ہیں وہ چھوڑ دی جاتی ہیں، اس لیے وہی فائل دوبارہ درآمد کرنا محفوظ ہے: نیچے دی گئی قطاریں ورک بک میں درست کریں اور اسے دوبارہ درآمد کریں۔</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>کوئی فائل منتخب نہیں کی گئی</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>فائل منتخب کریں…</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>شکایات</translation>
    </message>
    <message>
        <source>Vehicle reports</source>
        <translation>گاڑیوں کی رپورٹیں</translation>
    </message>
    <message>
        <source>Phone reports</source>
        <translation>فون کی رپورٹیں</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>شیٹ:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>فائل:</translation>
    </message>
    <message>
        <source>&amp;Register:</source>
        <translation>رجسٹر:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>درآمد کریں</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>درآمد کے لیے فائل منتخب کریں۔</translation>
    </message>
    <message>
        <source>Choose the register to import</source>
        <translation>درآمد کے لیے رجسٹر منتخب کریں</translation>
    </message>
    <message>
        <source>Registers (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv);;All files (*)</source>
        <translation>رجسٹر (*.xlsx *.csv);;ایکسل ورک بک (*.xlsx);;CSV فائلیں (*.csv);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>This workbook has {n} sheets: choose the one that holds the register.</source>
        <translation>اس ورک بک میں ⁨{n}⁩ شیٹس ہیں: وہ شیٹ منتخب کریں جس میں رجسٹر ہے۔</translation>
    </message>
    <message>
        <source>Check which register the file holds, then press Import.</source>
        <translation>دیکھ لیں کہ فائل میں کون سا رجسٹر ہے، پھر درآمد کریں دبائیں۔</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>فائل پڑھی جا رہی ہے…</translation>
    </message>
    <message>
        <source>Importing row {done} of {total}…</source>
        <translation>قطار ⁨{done}⁩ از ⁨{total}⁩ درآمد ہو رہی ہے…</translation>
    </message>
    <message>
        <source>{rows} rows read: {imported} imported, {present} already in the desk, {bad} not imported.</source>
        <translation>⁨{rows}⁩ قطاریں پڑھی گئیں: ⁨{imported}⁩ درآمد ہوئیں، ⁨{present}⁩ پہلے سے ڈیسک میں تھیں، ⁨{bad}⁩ درآمد نہیں ہوئیں۔</translation>
    </message>
    <message>
        <source>The rows listed below were not imported; the other rows were saved. Fix those rows in the file and import it again.</source>
        <translation>نیچے دی گئی قطاریں درآمد نہیں ہوئیں؛ باقی قطاریں محفوظ ہو گئیں۔ یہ قطاریں فائل میں درست کریں اور اسے دوبارہ درآمد کریں۔</translation>
    </message>
    <message>
        <source>Only the first {n} are listed.</source>
        <translation>صرف پہلی ⁨{n}⁩ دکھائی گئی ہیں۔</translation>
    </message>
    <message>
        <source>Columns not imported (not a register&apos;s column): {columns}</source>
        <translation>جو کالم درآمد نہیں ہوئے (رجسٹر کے کالم نہیں): ⁨{columns}⁩</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>قطار</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>سطر</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>کیا غلط ہے</translation>
    </message>
</context>
<context>
    <name>ReplaceDesk</name>
    <message>
        <source>persons</source>
        <translation>افراد</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>شکایات</translation>
    </message>
    <message>
        <source>complaint timeline entries</source>
        <translation>شکایات کی کارروائی کی انٹریاں</translation>
    </message>
    <message>
        <source>vehicle reports</source>
        <translation>گاڑیوں کی رپورٹیں</translation>
    </message>
    <message>
        <source>headquarters&apos; signing key</source>
        <translation>ہیڈ کوارٹر کی دستخط کی کلید</translation>
    </message>
    <message>
        <source>headquarters&apos; encryption key</source>
        <translation>ہیڈ کوارٹر کی خفیہ کاری کی کلید</translation>
    </message>
    <message>
        <source>the station&apos;s signing key</source>
        <translation>تھانے کی دستخط کی کلید</translation>
    </message>
    <message>
        <source>the backup key</source>
        <translation>بیک اپ کی کلید</translation>
    </message>
    <message>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <source>This desk is {name} ({code}) again, restored from headquarters&apos; snapshot.</source>
        <translation>ہیڈ کوارٹر کے اسنیپ شاٹ سے بحال ہو کر یہ ڈیسک دوبارہ ⁨{name}⁩ (⁨{code}⁩) بن گیا ہے۔</translation>
    </message>
    <message>
        <source>{n} records restored ({detail}), {audit} audit entries.</source>
        <translation>⁨{n}⁩ ریکارڈ بحال ہوئے (⁨{detail}⁩)، اور ⁨{audit}⁩ آڈٹ انٹریاں۔</translation>
    </message>
    <message>
        <source>Headquarters had this desk&apos;s bundles up to number {seq} (the last made {made}). Anything the old PC recorded after that is not here: enter it again from the paper register. The next bundle is number {next}.</source>
        <translation>ہیڈ کوارٹر کے پاس اس ڈیسک کے بنڈل نمبر ⁨{seq}⁩ تک موجود تھے (آخری بنڈل ⁨{made}⁩ کو بنا تھا)۔ پرانے کمپیوٹر نے اس کے بعد جو کچھ درج کیا وہ یہاں نہیں ہے: اسے کاغذی رجسٹر سے دوبارہ درج کریں۔ اگلا بنڈل نمبر ⁨{next}⁩ ہوگا۔</translation>
    </message>
    <message>
        <source>Receipt numbers continue from {numbers}.</source>
        <translation>رسید نمبر ⁨{numbers}⁩ سے آگے چلیں گے۔</translation>
    </message>
    <message>
        <source>Warning: {n} restored records do not match headquarters&apos; copy exactly; an edit to one of them will show as a conflict at headquarters.</source>
        <translation>انتباہ: بحال کیے گئے ⁨{n}⁩ ریکارڈ ہیڈ کوارٹر کے ریکارڈ سے ہو بہو نہیں ملتے؛ ان میں سے کسی میں بھی ترمیم ہیڈ کوارٹر پر تضاد کے طور پر نظر آئے گی۔</translation>
    </message>
    <message>
        <source>You are signed in as {user}, this desk&apos;s supervisor. Delete both files from the USB stick now.</source>
        <translation>آپ ⁨{user}⁩ کے طور پر سائن اِن ہیں، جو اس ڈیسک کے سپروائزر ہیں۔ اب دونوں فائلیں یو ایس بی سے حذف کر دیں۔</translation>
    </message>
    <message>
        <source>The backup of {name} ({code}) was restored: {complaints} complaints and {vehicles} vehicle reports; its {audit} audit entries were checked.</source>
        <translation>⁨{name}⁩ (⁨{code}⁩) کا بیک اپ بحال کر دیا گیا: ⁨{complaints}⁩ شکایات اور گاڑیوں کی ⁨{vehicles}⁩ رپورٹیں؛ اس کی ⁨{audit}⁩ آڈٹ انٹریوں کی جانچ کر لی گئی۔</translation>
    </message>
    <message>
        <source>Keys put back from the backup: {keys}.</source>
        <translation>بیک اپ سے واپس لائی گئی کلیدیں: ⁨{keys}⁩۔</translation>
    </message>
    <message>
        <source>The backup was not sealed, so it held none of the desk&apos;s keys.</source>
        <translation>بیک اپ سیل شدہ نہیں تھا، اس لیے اس میں ڈیسک کی کوئی کلید نہیں تھی۔</translation>
    </message>
    <message>
        <source>This backup was made before backups carried the desk&apos;s keys, so none came back with it. Headquarters must enroll this desk again before it sends bundles.</source>
        <translation>یہ بیک اپ اس وقت بنا تھا جب بیک اپ میں ڈیسک کی کلیدیں شامل نہیں ہوتی تھیں، اس لیے اس کے ساتھ کوئی کلید واپس نہیں آئی۔ بنڈل بھیجنے سے پہلے ہیڈ کوارٹر کو اس ڈیسک کا دوبارہ اندراج کرنا ہوگا۔</translation>
    </message>
    <message>
        <source>If headquarters has received bundles from this station made after this backup, it will refuse the next ones: call headquarters before sending a bundle. A station whose PC was lost is best brought back from headquarters&apos; snapshot.</source>
        <translation>اگر ہیڈ کوارٹر کو اس تھانے سے ایسے بنڈل مل چکے ہیں جو اس بیک اپ کے بعد بنے تھے، تو وہ اگلے بنڈل مسترد کر دے گا: بنڈل بھیجنے سے پہلے ہیڈ کوارٹر کو فون کریں۔ جس تھانے کا کمپیوٹر گم ہو گیا ہو، اسے ہیڈ کوارٹر کے اسنیپ شاٹ سے بحال کرنا بہتر ہے۔</translation>
    </message>
    <message>
        <source>This PC&apos;s own keys were kept where they differ from the backup&apos;s: {keys}.</source>
        <translation>جہاں اس کمپیوٹر کی اپنی کلیدیں بیک اپ والی کلیدوں سے مختلف تھیں، وہاں اسی کمپیوٹر کی کلیدیں رکھی گئیں: ⁨{keys}⁩۔</translation>
    </message>
    <message>
        <source>Anything recorded after the backup was made is not here: enter it again from the paper register. Now sign in with your account from the old PC.</source>
        <translation>بیک اپ بننے کے بعد جو کچھ درج ہوا وہ یہاں نہیں ہے: اسے کاغذی رجسٹر سے دوبارہ درج کریں۔ اب پرانے کمپیوٹر والے اپنے اکاؤنٹ سے سائن اِن کریں۔</translation>
    </message>
</context>
<context>
    <name>ReplaceDeskWidget</name>
    <message>
        <source>Bring back the desk whose PC was lost, stolen or broken: its records, receipt numbers and place in the exchange with headquarters. Where from?</source>
        <translation>اس ڈیسک کو واپس لائیں جس کا کمپیوٹر گم، چوری یا خراب ہو گیا: اس کے ریکارڈ، رسید نمبر اور ہیڈ کوارٹر کے ساتھ بنڈلوں کے سلسلے میں اس کی جگہ۔ کہاں سے بحال کریں؟</translation>
    </message>
    <message>
        <source>From headquarters&apos; snapshot (enrollment file + snapshot file)</source>
        <translation>ہیڈ کوارٹر کے اسنیپ شاٹ سے (اندراج فائل + اسنیپ شاٹ فائل)</translation>
    </message>
    <message>
        <source>From a backup file (USB stick)</source>
        <translation>بیک اپ فائل سے (یو ایس بی)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>منتخب کریں…</translation>
    </message>
    <message>
        <source>If the old PC printed receipts after its last bundle reached headquarters, leave that many numbers unused so no receipt number is given twice.</source>
        <translation>اگر پرانے کمپیوٹر نے اپنا آخری بنڈل ہیڈ کوارٹر پہنچنے کے بعد بھی رسیدیں پرنٹ کی تھیں، تو اتنے نمبر خالی چھوڑ دیں تاکہ کوئی رسید نمبر دو بار نہ دیا جائے۔</translation>
    </message>
    <message>
        <source>Headquarters writes both files for this station, a new enrollment file and then the snapshot, and they come by hand on a USB stick.</source>
        <translation>ہیڈ کوارٹر اس تھانے کے لیے دونوں فائلیں بناتا ہے، پہلے نئی اندراج فائل اور پھر اسنیپ شاٹ، اور کوئی شخص انہیں یو ایس بی پر خود لے کر آتا ہے۔</translation>
    </message>
    <message>
        <source>Enrollment file:</source>
        <translation>اندراج فائل:</translation>
    </message>
    <message>
        <source>Snapshot file:</source>
        <translation>اسنیپ شاٹ فائل:</translation>
    </message>
    <message>
        <source>Numbers to skip:</source>
        <translation>چھوڑے جانے والے نمبر:</translation>
    </message>
    <message>
        <source>Recovery code:</source>
        <translation>ریکوری کوڈ:</translation>
    </message>
    <message>
        <source>52 letters in groups of 4, as written down</source>
        <translation>52 حروف، 4 حروف کے گروپوں میں، جیسے کاغذ پر لکھے ہیں</translation>
    </message>
    <message>
        <source>This backup is sealed: type the recovery code written on paper when backups to a USB stick were set up.</source>
        <translation>یہ بیک اپ سیل شدہ ہے: وہ ریکوری کوڈ ٹائپ کریں جو یو ایس بی پر بیک اپ سیٹ اپ کرتے وقت کاغذ پر لکھا گیا تھا۔</translation>
    </message>
    <message>
        <source>The backup holds the desk&apos;s accounts: after the restore, sign in with your account from the old PC.</source>
        <translation>بیک اپ میں ڈیسک کے اکاؤنٹ موجود ہیں: بحالی کے بعد پرانے کمپیوٹر والے اپنے اکاؤنٹ سے سائن اِن کریں۔</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>بیک اپ فائل:</translation>
    </message>
    <message>
        <source>Restoring and checking every record… this can take a minute.</source>
        <translation>ہر ریکارڈ بحال اور چیک کیا جا رہا ہے… اس میں ایک منٹ لگ سکتا ہے۔</translation>
    </message>
    <message>
        <source>Choose the file, or type its path</source>
        <translation>فائل منتخب کریں، یا اس کا پاتھ ٹائپ کریں</translation>
    </message>
    <message>
        <source>Choose the enrollment file headquarters wrote</source>
        <translation>ہیڈ کوارٹر کی بنائی ہوئی اندراج فائل منتخب کریں</translation>
    </message>
    <message>
        <source>Enrollment files (*.cplcenroll);;All files (*)</source>
        <translation>اندراج فائلیں (*.cplcenroll);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Choose headquarters&apos; snapshot of this station</source>
        <translation>اس تھانے کا ہیڈ کوارٹر والا اسنیپ شاٹ منتخب کریں</translation>
    </message>
    <message>
        <source>Station snapshots (*.cplcsnapshot);;All files (*)</source>
        <translation>تھانوں کے اسنیپ شاٹ (*.cplcsnapshot);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>بحال کرنے کے لیے بیک اپ منتخب کریں</translation>
    </message>
    <message>
        <source>CPLC Desk backups (*{sealed} *{plain});;All files (*)</source>
        <translation>سی پی ایل سی ڈیسک کے بیک اپ (*⁨{sealed}⁩ *⁨{plain}⁩);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>The restore stopped: {error}</source>
        <translation>بحالی رک گئی: ⁨{error}⁩</translation>
    </message>
</context>
<context>
    <name>ReplicaStatus</name>
    <message>
        <source>⚠ Read replica unreachable: reading from the server</source>
        <translation>⚠ ریڈ ریپلیکا تک رسائی نہیں: سرور سے پڑھا جا رہا ہے</translation>
    </message>
    <message>
        <source>Lists from the replica {replica}</source>
        <translation>فہرستیں ریپلیکا ⁨{replica}⁩ سے</translation>
    </message>
    <message>
        <source>Lists and statistics are read from the read-only copy {replica} of the server; it may be a few seconds behind. Every change goes to the server.</source>
        <translation>فہرستیں اور اعداد و شمار سرور کی صرف پڑھنے والی کاپی ⁨{replica}⁩ سے پڑھے جاتے ہیں؛ یہ چند سیکنڈ پیچھے ہو سکتی ہے۔ ہر تبدیلی سرور پر جاتی ہے۔</translation>
    </message>
</context>
<context>
    <name>ReportDetailDialog</name>
    <message>
        <source>{number} · {kind} · {status}</source>
        <translation>⁨{number}⁩ · ⁨{kind}⁩ · ⁨{status}⁩</translation>
    </message>
    <message>
        <source>{number} of {date}</source>
        <translation>⁨{number}⁩ مورخہ ⁨{date}⁩</translation>
    </message>
    <message>
        <source>{when} by {who} at {desk}</source>
        <translation>⁨{when}⁩ کو ⁨{who}⁩ نے ⁨{desk}⁩ پر</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>کب:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>کہاں:</translation>
    </message>
    <message>
        <source>Police station:</source>
        <translation>تھانہ:</translation>
    </message>
    <message>
        <source>FIR:</source>
        <translation>ایف آئی آر:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>مالک:</translation>
    </message>
    <message>
        <source>Matched to:</source>
        <translation>مماثل رپورٹ:</translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation>درج ہوئی:</translation>
    </message>
</context>
<context>
    <name>ReportFields</name>
    <message>
        <source>&amp;What happened: *</source>
        <translation>کیا ہوا: *</translation>
    </message>
    <message>
        <source>&amp;Make:</source>
        <translation>کمپنی:</translation>
    </message>
    <message>
        <source>Colo&amp;ur:</source>
        <translation>رنگ:</translation>
    </message>
    <message>
        <source>Choose what happened</source>
        <translation>منتخب کریں کہ کیا ہوا</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>دن/مہینہ/سال</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>جگہ:</translation>
    </message>
    <message>
        <source>Police stat&amp;ion: *</source>
        <translation>تھانہ: *</translation>
    </message>
    <message>
        <source>&amp;FIR number:</source>
        <translation>ایف آئی آر نمبر:</translation>
    </message>
    <message>
        <source>&amp;Owner&apos;s name:</source>
        <translation>مالک کا نام:</translation>
    </message>
    <message>
        <source>Father&apos;s / &amp;husband&apos;s name:</source>
        <translation>والد / شوہر کا نام:</translation>
    </message>
    <message>
        <source>Owner&apos;s C&amp;NIC:</source>
        <translation>مالک کا شناختی کارڈ نمبر:</translation>
    </message>
    <message>
        <source>Owner&apos;s mo&amp;bile:</source>
        <translation>مالک کا موبائل نمبر:</translation>
    </message>
    <message>
        <source>Owner&apos;s addre&amp;ss:</source>
        <translation>مالک کا پتہ:</translation>
    </message>
    <message>
        <source>When and where it was stolen</source>
        <translation>کب اور کہاں چوری ہوئی</translation>
    </message>
    <message>
        <source>When and where it was snatched</source>
        <translation>کب اور کہاں چھینی گئی</translation>
    </message>
    <message>
        <source>When and where it was recovered</source>
        <translation>کب اور کہاں برآمد ہوئی</translation>
    </message>
    <message>
        <source>When and where it was found</source>
        <translation>کب اور کہاں ملی</translation>
    </message>
    <message>
        <source>When and where</source>
        <translation>کب اور کہاں</translation>
    </message>
    <message>
        <source>Owner (if known)</source>
        <translation>مالک (اگر معلوم ہو)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>مالک</translation>
    </message>
</context>
<context>
    <name>ReportFilters</name>
    <message>
        <source>Anything reported</source>
        <translation>ہر قسم کی رپورٹ</translation>
    </message>
    <message>
        <source>Stolen or snatched</source>
        <translation>چوری شدہ یا چھینی گئی</translation>
    </message>
    <message>
        <source>Recovered or found</source>
        <translation>برآمد شدہ یا لاوارث ملی</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>کیا ہوا</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>کوئی بھی کیفیت</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
</context>
<context>
    <name>ReportFormDialog</name>
    <message>
        <source>* must be filled in. Ctrl+S saves. Tab or Enter moves to the next box.</source>
        <translation>* والے خانے بھرنا ضروری ہے۔ Ctrl+S سے محفوظ ہوتا ہے۔ Tab یا Enter سے اگلے خانے میں جائیں۔</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>رپورٹ محفوظ کریں</translation>
    </message>
    <message>
        <source>See the owner&apos;s receipt, then print it</source>
        <translation>مالک کی رسید دیکھیں، پھر پرنٹ کریں</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Report number:</source>
        <translation>رپورٹ نمبر:</translation>
    </message>
    <message>
        <source>Looking for the theft report…</source>
        <translation>چوری کی رپورٹ تلاش کی جا رہی ہے…</translation>
    </message>
    <message>
        <source>Matched to theft report {number}: that report is now closed as recovered.</source>
        <translation>چوری کی رپورٹ ⁨{number}⁩ سے مماثلت ہو گئی: وہ رپورٹ اب برآمد شدہ کے طور پر بند کر دی گئی ہے۔</translation>
    </message>
    <message>
        <source>Not matched: none of the theft reports offered was confirmed. The recovery stays open and can be matched later from the list.</source>
        <translation>مماثلت نہیں ہوئی: دکھائی گئی چوری کی رپورٹوں میں سے کسی کی تصدیق نہیں ہوئی۔ برآمدگی کی رپورٹ جاری رہے گی اور بعد میں فہرست سے ملائی جا سکتی ہے۔</translation>
    </message>
    <message>
        <source>The report was saved, but its theft report could not be looked for: {reason}</source>
        <translation>رپورٹ محفوظ ہو گئی، لیکن اس سے متعلق چوری کی رپورٹ تلاش نہیں کی جا سکی: ⁨{reason}⁩</translation>
    </message>
    <message>
        <source>This report has not been saved. Close the form and throw away what was typed?</source>
        <translation>یہ رپورٹ محفوظ نہیں ہوئی۔ فارم بند کر کے جو کچھ ٹائپ کیا تھا اسے ضائع کر دیں؟</translation>
    </message>
</context>
<context>
    <name>ReportListPage</name>
    <message>
        <source>City-wide checks…</source>
        <translation>پورے شہر کی جانچ…</translation>
    </message>
    <message>
        <source>Show the selected report; for a recovery not matched yet, its theft report</source>
        <translation>منتخب رپورٹ دکھائیں؛ جس برآمدگی کی ابھی مماثلت نہیں ملی، اس کے لیے اس کی چوری کی رپورٹ</translation>
    </message>
    <message>
        <source>Looking for the theft report of {number}…</source>
        <translation>⁨{number}⁩ کی چوری کی رپورٹ تلاش کی جا رہی ہے…</translation>
    </message>
    <message>
        <source>No theft report found</source>
        <translation>چوری کی کوئی رپورٹ نہیں ملی</translation>
    </message>
</context>
<context>
    <name>ReportRequestWidget</name>
    <message>
        <source>Month</source>
        <translation>مہینہ</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Count a range of months, up to the second month</source>
        <translation>کئی مہینوں کی گنتی، دوسرے مہینے تک</translation>
    </message>
    <message>
        <source>Last month of the range</source>
        <translation>مدت کا آخری مہینہ</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>مہینہ:</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>علاقہ</translation>
    </message>
    <message>
        <source>For the &amp;public</source>
        <translation>عوام کے لیے</translation>
    </message>
    <message>
        <source>Hide a police station&apos;s count of kidnappings, kidnappings for ransom and extortion when it is below 3, and say so in a footnote</source>
        <translation>کسی تھانے میں اغوا، اغوا برائے تاوان اور بھتے کی تعداد 3 سے کم ہو تو اسے چھپائیں، اور حاشیے میں اس کا ذکر کریں</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>علاقہ:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>علاقہ:</translation>
    </message>
    <message>
        <source>The whole city</source>
        <translation>پورا شہر</translation>
    </message>
    <message>
        <source>District: {name}</source>
        <translation>ضلع: ⁨{name}⁩</translation>
    </message>
    <message>
        <source>{name} police station</source>
        <translation>تھانہ ⁨{name}⁩</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Complaint</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <source>Vehicle report</source>
        <translation>گاڑی کی رپورٹ</translation>
    </message>
    <message>
        <source>Phone report</source>
        <translation>فون کی رپورٹ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>نمبر</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Police station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>Counted on</source>
        <translation>کس تاریخ میں گنا گیا</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>⁨{first}⁩ تا ⁨{last}⁩</translation>
    </message>
    <message>
        <source>{name} police station</source>
        <translation>تھانہ ⁨{name}⁩</translation>
    </message>
    <message>
        <source>District: {name}</source>
        <translation>ضلع: ⁨{name}⁩</translation>
    </message>
    <message>
        <source>The whole city</source>
        <translation>پورا شہر</translation>
    </message>
    <message>
        <source>{scope}, {months}. As of {when}, from {bundles} bundles.</source>
        <translation>⁨{scope}⁩، ⁨{months}⁩۔ ⁨{when}⁩ تک کی صورتحال، ⁨{bundles}⁩ بنڈلوں سے۔</translation>
    </message>
    <message>
        <source>{scope}, {months}. As of {when}.</source>
        <translation>⁨{scope}⁩، ⁨{months}⁩۔ ⁨{when}⁩ تک کی صورتحال۔</translation>
    </message>
    <message>
        <source>Stations that have sent nothing covering {month} (its figures may still rise): {stations}.</source>
        <translation>وہ تھانے جنہوں نے ⁨{month}⁩ کا کچھ نہیں بھیجا (اس کے اعداد ابھی بڑھ سکتے ہیں): ⁨{stations}⁩۔</translation>
    </message>
    <message>
        <source>Not published yet.</source>
        <translation>ابھی شائع نہیں ہوئی۔</translation>
    </message>
    <message>
        <source>Published on {when} by {who}.</source>
        <translation>⁨{when}⁩ کو ⁨{who}⁩ نے شائع کی۔</translation>
    </message>
    <message>
        <source>No figure has changed since.</source>
        <translation>اس کے بعد کوئی عدد نہیں بدلا۔</translation>
    </message>
    <message>
        <source>{category}: {published} then, {now} now</source>
        <translation>⁨{category}⁩: اُس وقت ⁨{published}⁩، اب ⁨{now}⁩</translation>
    </message>
    <message>
        <source>Changed since, as late bundles arrived: {changes}.</source>
        <translation>دیر سے آنے والے بنڈلوں کی وجہ سے اس کے بعد بدلے: ⁨{changes}⁩۔</translation>
    </message>
    <message>
        <source>Cars and other four-wheelers</source>
        <translation>کاریں اور دیگر چار پہیوں والی گاڑیاں</translation>
    </message>
    <message>
        <source>Motorcycles</source>
        <translation>موٹر سائیکلیں</translation>
    </message>
    <message>
        <source>Rickshaws</source>
        <translation>رکشے</translation>
    </message>
    <message>
        <source>Other vehicles</source>
        <translation>دیگر گاڑیاں</translation>
    </message>
    <message>
        <source>Mobile phones</source>
        <translation>موبائل فون</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>شکایات</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>پیر</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>منگل</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>بدھ</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>جمعرات</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>جمعہ</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>ہفتہ</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>اتوار</translation>
    </message>
    <message>
        <source>Double-click to list the records behind this figure</source>
        <translation>اس عدد کے پیچھے ریکارڈ دیکھنے کے لیے ڈبل کلک کریں</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>یہ مہینہ</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>مہینے</translation>
    </message>
    <message>
        <source>Month before</source>
        <translation>پچھلا مہینہ</translation>
    </message>
    <message>
        <source>Months before</source>
        <translation>پچھلے مہینے</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>فرق</translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>پچھلے سال یہی مہینہ</translation>
    </message>
    <message>
        <source>Same months last year</source>
        <translation>پچھلے سال یہی مہینے</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>سال کے آغاز سے اب تک</translation>
    </message>
    <message>
        <source>Last year to date</source>
        <translation>پچھلے سال اسی تاریخ تک</translation>
    </message>
    <message>
        <source>What</source>
        <translation>کیا</translation>
    </message>
    <message>
        <source>Stolen or snatched</source>
        <translation>چوری شدہ یا چھینی گئی</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>برآمد شدہ</translation>
    </message>
    <message>
        <source>Recovery rate</source>
        <translation>برآمدگی کی شرح</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>زون</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>علاقہ</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>سطح</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>کل</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>دن</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>کمپنی</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>ماڈل</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>درجہ</translation>
    </message>
    <message>
        <source>Records counted</source>
        <translation>گنے گئے ریکارڈ</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <source>Not matched yet</source>
        <translation>ابھی مماثلت نہیں ملی</translation>
    </message>
    <message>
        <source>Partly hidden; the report itself shows it in full</source>
        <translation>جزوی طور پر چھپا ہوا؛ رپورٹ کھولنے پر پورا نظر آتا ہے</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>نمبر</translation>
    </message>
    <message>
        <source>The report&apos;s number</source>
        <translation>رپورٹ کا نمبر</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>درج ہونے کا وقت</translation>
    </message>
    <message>
        <source>When the report was registered (Pakistan time), newest first</source>
        <translation>رپورٹ کب درج ہوئی (پاکستانی وقت)، سب سے نئی پہلے</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>کیا ہوا</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>مالک</translation>
    </message>
    <message>
        <source>Owner&apos;s CNIC</source>
        <translation>مالک کا شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <source>Police station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Not matched to a theft report yet: double-click to look for it again.</source>
        <translation>ابھی تک چوری کی کسی رپورٹ سے مماثلت نہیں ملی: دوبارہ تلاش کرنے کے لیے ڈبل کلک کریں۔</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>{name} police station&apos;s own records</source>
        <translation>تھانہ ⁨{name}⁩ کے اپنے ریکارڈ</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>حساب کریں</translation>
    </message>
    <message>
        <source>Choose the month and the area, then Compute.</source>
        <translation>مہینہ اور علاقہ چنیں، پھر “حساب کریں” دبائیں۔</translation>
    </message>
    <message>
        <source>Recovery rates</source>
        <translation>برآمدگی کی شرح</translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation>اعداد و شمار</translation>
    </message>
    <message>
        <source>By &amp;area</source>
        <translation>علاقہ وار</translation>
    </message>
    <message>
        <source>&amp;Trend</source>
        <translation>رجحان</translation>
    </message>
    <message>
        <source>Street crime by &amp;hour</source>
        <translation>گھنٹہ وار اسٹریٹ کرائم</translation>
    </message>
    <message>
        <source>&amp;Makes and models</source>
        <translation>کمپنیاں اور ماڈل</translation>
    </message>
    <message>
        <source>&amp;Stations ranked</source>
        <translation>تھانوں کی درجہ بندی</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>‏CSV فائل کے طور پر محفوظ کریں…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>ایکسل فائل کے طور پر محفوظ کریں…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>پی ڈی ایف فائل کے طور پر محفوظ کریں…</translation>
    </message>
    <message>
        <source>Save as JSON…</source>
        <translation>‏JSON فائل کے طور پر محفوظ کریں…</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>شائع کریں…</translation>
    </message>
    <message>
        <source>Keep a frozen copy of these figures as the ones headquarters published</source>
        <translation>ان اعداد کی ایک نہ بدلنے والی کاپی ہیڈ کوارٹر کے شائع کردہ اعداد کے طور پر رکھیں</translation>
    </message>
    <message>
        <source>Street crime by the hour and day it happened, Pakistan time. {count} records with no time of incident are not in the grid.</source>
        <translation>اسٹریٹ کرائم، واقعے کے گھنٹے اور دن کے حساب سے، پاکستانی وقت میں۔ ⁨{count}⁩ ریکارڈ جن میں واقعے کا وقت درج نہیں، اس جدول میں شامل نہیں۔</translation>
    </message>
    <message>
        <source>{category} at {station}</source>
        <translation>⁨{category}⁩، ⁨{station}⁩</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>‏CSV فائلیں (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>ایکسل ورک بکس (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>پی ڈی ایف فائلیں (*.pdf)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>‏JSON فائلیں (*.json)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>رپورٹ محفوظ کریں</translation>
    </message>
    <message>
        <source>The report was saved to {path}.</source>
        <translation>رپورٹ ⁨{path}⁩ میں محفوظ ہو گئی۔</translation>
    </message>
    <message>
        <source>Publish these figures for {scope}? A frozen copy is kept; a later report of the same months shows what changed since.</source>
        <translation>⁨{scope}⁩ کے یہ اعداد شائع کریں؟ ان کی ایک نہ بدلنے والی کاپی رکھی جائے گی؛ انہی مہینوں کی بعد کی رپورٹ بتائے گی کہ اس کے بعد کیا بدلا۔</translation>
    </message>
    <message>
        <source>Publish the report</source>
        <translation>رپورٹ شائع کریں</translation>
    </message>
    <message>
        <source>The report was published.</source>
        <translation>رپورٹ شائع ہو گئی۔</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <source>Password of the headquarters server</source>
        <translation>ہیڈ کوارٹر کے سرور کا پاس ورڈ</translation>
    </message>
    <message>
        <source>Headquarters&apos; records are on the server {server}, which wants a password. Type the server&apos;s password to open the desk now. It is not saved: to stop being asked, the server&apos;s administrator puts it in this PC&apos;s PostgreSQL password file.</source>
        <translation>ہیڈ کوارٹر کے ریکارڈ سرور ⁨{server}⁩ پر ہیں، جو پاس ورڈ مانگتا ہے۔ ڈیسک ابھی کھولنے کے لیے سرور کا پاس ورڈ لکھیں۔ یہ محفوظ نہیں کیا جاتا: بار بار پوچھے جانے سے بچنے کے لیے سرور کا ایڈمنسٹریٹر اسے اس کمپیوٹر کی PostgreSQL پاس ورڈ فائل میں رکھ دے۔</translation>
    </message>
    <message>
        <source>Server password:</source>
        <translation>سرور کا پاس ورڈ:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>کھولیں</translation>
    </message>
</context>
<context>
    <name>StationPickerWidget</name>
    <message>
        <source>Type a station name, district, zone or code</source>
        <translation>تھانے کا نام، ضلع، زون یا کوڈ ٹائپ کریں</translation>
    </message>
    <message>
        <source>Police station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کوڈ</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>زون</translation>
    </message>
    <message>
        <source>This station&apos;s district is not confirmed.</source>
        <translation>اس تھانے کے ضلع کی تصدیق نہیں ہوئی۔</translation>
    </message>
</context>
<context>
    <name>StationsModel</name>
    <message>
        <source>Bundles missing</source>
        <translation>بنڈل غائب</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>تاخیر</translation>
    </message>
    <message>
        <source>No bundle yet</source>
        <translation>ابھی کوئی بنڈل نہیں</translation>
    </message>
    <message>
        <source>Key revoked</source>
        <translation>کلید منسوخ</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>بروقت</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Whether this station needs attention</source>
        <translation>کیا اس تھانے پر توجہ کی ضرورت ہے</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کوڈ</translation>
    </message>
    <message>
        <source>Police
station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Last
bundle</source>
        <translation>آخری
بنڈل</translation>
    </message>
    <message>
        <source>Number of the last bundle merged here</source>
        <translation>یہاں ضم کیے گئے آخری بنڈل کا نمبر</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>بننے کا وقت</translation>
    </message>
    <message>
        <source>When the station&apos;s desk made its last merged bundle (Pakistan time)</source>
        <translation>تھانے کے ڈیسک نے یہاں ضم ہونے والا آخری بنڈل کب بنایا (پاکستانی وقت)</translation>
    </message>
    <message>
        <source>Days
since</source>
        <translation>گزرے
دن</translation>
    </message>
    <message>
        <source>Whole days since the station made its last bundle</source>
        <translation>تھانے کے آخری بنڈل بنانے کے بعد سے گزرے ہوئے پورے دن</translation>
    </message>
    <message>
        <source>Last
import</source>
        <translation>آخری
درآمد</translation>
    </message>
    <message>
        <source>When headquarters last merged a bundle from this station</source>
        <translation>ہیڈ کوارٹر نے اس تھانے کا آخری بنڈل کب ضم کیا</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>روکے گئے</translation>
    </message>
    <message>
        <source>Bundles that arrived early, kept until the missing ones come</source>
        <translation>وہ بنڈل جو پہلے پہنچ گئے، غائب بنڈل آنے تک روک کر رکھے گئے ہیں</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>غائب</translation>
    </message>
    <message>
        <source>Bundle numbers not received yet</source>
        <translation>وہ بنڈل نمبر جو ابھی موصول نہیں ہوئے</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>گھڑی</translation>
    </message>
    <message>
        <source>How far the station&apos;s clock ran ahead when it made its last bundle</source>
        <translation>آخری بنڈل بناتے وقت تھانے کے کمپیوٹر کی گھڑی کتنی آگے چل رہی تھی</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <source>The state of the station&apos;s signing key</source>
        <translation>تھانے کی دستخط کی کلید کی کیفیت</translation>
    </message>
    <message>
        <source>Bundles missing: {numbers}</source>
        <translation>غائب بنڈل: ⁨{numbers}⁩</translation>
    </message>
    <message>
        <source>Bundles {missing} from this station have not arrived; {held} wait here and are merged as soon as the missing ones are imported.</source>
        <translation>اس تھانے سے بنڈل ⁨{missing}⁩ نہیں پہنچے؛ ⁨{held}⁩ یہاں انتظار میں ہیں اور غائب بنڈل درآمد ہوتے ہی ضم کر دیے جائیں گے۔</translation>
    </message>
    <message>
        <source>No bundle from this station for {days} days (overdue after {limit}).</source>
        <translation>اس تھانے سے ⁨{days}⁩ دن سے کوئی بنڈل نہیں آیا (⁨{limit}⁩ دن کے بعد تاخیر شمار ہوتی ہے)۔</translation>
    </message>
    <message>
        <source>Enrolled, but no bundle from this station has been merged yet.</source>
        <translation>اندراج ہو چکا ہے، لیکن اس تھانے کا کوئی بنڈل ابھی ضم نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Its bundles are refused until it is enrolled again.</source>
        <translation>دوبارہ اندراج ہونے تک اس کے بنڈل مسترد کیے جائیں گے۔</translation>
    </message>
    <message>
        <source>Bundles arrive in order and on time.</source>
        <translation>بنڈل ترتیب سے اور وقت پر آ رہے ہیں۔</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <source>Import bundles…</source>
        <translation>بنڈل درآمد کریں…</translation>
    </message>
    <message>
        <source>Enroll station…</source>
        <translation>تھانے کا اندراج کریں…</translation>
    </message>
    <message>
        <source>Re-enroll…</source>
        <translation>دوبارہ اندراج کریں…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>اندراج منسوخ کریں…</translation>
    </message>
    <message>
        <source>Write hotlist…</source>
        <translation>ہاٹ لسٹ بنائیں…</translation>
    </message>
    <message>
        <source>Write the signed list of every open stolen or snatched vehicle for the stations&apos; desks to check vehicles offline</source>
        <translation>ہر اس چوری شدہ یا چھینی گئی گاڑی کی دستخط شدہ فہرست بنائیں جس کی رپورٹ ابھی جاری ہے، تاکہ تھانوں کے ڈیسک آف لائن بھی گاڑیوں کی تصدیق کر سکیں</translation>
    </message>
    <message>
        <source>Write a new enrollment file for the selected station (a new computer, say)</source>
        <translation>منتخب تھانے کے لیے نئی اندراج فائل بنائیں (مثلاً نئے کمپیوٹر کے لیے)</translation>
    </message>
    <message>
        <source>Refuse the selected station&apos;s bundles until it is enrolled again</source>
        <translation>منتخب تھانے کے بنڈل اس کے دوبارہ اندراج تک مسترد کریں</translation>
    </message>
    <message>
        <source>Overdue after</source>
        <translation>تاخیر شمار ہوگی</translation>
    </message>
    <message>
        <source>days without a bundle</source>
        <translation>دن تک بنڈل نہ آنے پر</translation>
    </message>
    <message>
        <source>Hotlist {sequence} written to {path} (open thefts: {n} vehicles, {phones} handsets), valid until {until}. Give it to every station&apos;s desk (Sync page, Import hotlist).</source>
        <translation>ہاٹ لسٹ نمبر ⁨{sequence}⁩ بنا کر ⁨{path}⁩ میں رکھ دی گئی (چوری کی جاری رپورٹیں: ⁨{n}⁩ گاڑیاں، ⁨{phones}⁩ فون)، جو ⁨{until}⁩ تک کارآمد ہے۔ اسے ہر تھانے کے ڈیسک کو دیں (“ڈیٹا کی ترسیل (سنک)” والا صفحہ، “ہاٹ لسٹ درآمد کریں”)۔</translation>
    </message>
    <message>
        <source>No station is enrolled yet. Enroll one, take its enrollment file to the station&apos;s desk, and its bundles can be imported here.</source>
        <translation>ابھی کسی تھانے کا اندراج نہیں ہوا۔ کسی تھانے کا اندراج کریں، اس کی اندراج فائل تھانے کے ڈیسک تک پہنچائیں، پھر اس کے بنڈل یہاں درآمد کیے جا سکیں گے۔</translation>
    </message>
    <message>
        <source>Discard waiting bundle…</source>
        <translation>روکا گیا بنڈل ہٹائیں…</translation>
    </message>
    <message>
        <source>Remove a bundle of the selected station that waits for earlier ones, when it is the wrong copy of its number (the import said so)</source>
        <translation>منتخب تھانے کا وہ بنڈل ہٹائیں جو پہلے والے بنڈلوں کے انتظار میں روکا گیا ہے، جب وہ اپنے نمبر کی غلط کاپی ہو (درآمد کے دوران یہی بتایا گیا ہو)</translation>
    </message>
    <message>
        <source>Stations enrolled: {total} · overdue: {overdue} · waiting for missing bundles: {gap} · no bundle yet: {never} · revoked: {revoked} · as of {now}</source>
        <translation>اندراج شدہ تھانے: ⁨{total}⁩ · تاخیر: ⁨{overdue}⁩ · غائب بنڈلوں کے منتظر: ⁨{gap}⁩ · ابھی کوئی بنڈل نہیں: ⁨{never}⁩ · منسوخ: ⁨{revoked}⁩ · ⁨{now}⁩ تک کی صورتحال</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>⁨{name}⁩ (⁨{code}⁩)</translation>
    </message>
    <message>
        <source>Folder or USB stick for the hotlist</source>
        <translation>ہاٹ لسٹ کے لیے فولڈر یا یو ایس بی</translation>
    </message>
    <message>
        <source>Save the enrollment file for {station}</source>
        <translation>⁨{station}⁩ کی اندراج فائل محفوظ کریں</translation>
    </message>
    <message>
        <source>Enrollment files (*.cplcenroll)</source>
        <translation>اندراج فائلیں (*.cplcenroll)</translation>
    </message>
    <message>
        <source>The enrollment file for {station} is written to {path}. Take it to the station&apos;s desk and enroll from it on its Sync page within {days} days; then delete it. It holds a secret: hand it over yourself, do not e-mail it.</source>
        <translation>⁨{station}⁩ کی اندراج فائل ⁨{path}⁩ میں محفوظ کر دی گئی ہے۔ اسے تھانے کے ڈیسک تک لے جائیں اور ⁨{days}⁩ دن کے اندر وہاں “ڈیٹا کی ترسیل (سنک)” والے صفحے پر اس فائل سے اندراج کریں؛ پھر فائل حذف کر دیں۔ اس میں خفیہ معلومات ہیں: یہ خود جا کر دیں، ای میل نہ کریں۔</translation>
    </message>
    <message>
        <source>Revoke station</source>
        <translation>تھانے کا اندراج منسوخ کریں</translation>
    </message>
    <message>
        <source>Revoke {station}? Its bundles are refused from now on, until headquarters enrolls it again. Records already imported stay.</source>
        <translation>⁨{station}⁩ کا اندراج منسوخ کریں؟ اب سے اس کے بنڈل مسترد ہوں گے، جب تک ہیڈ کوارٹر اس کا دوبارہ اندراج نہ کرے۔ پہلے سے درآمد شدہ ریکارڈ برقرار رہیں گے۔</translation>
    </message>
    <message>
        <source>{station} is revoked (keys withdrawn: {n}). Its bundles are refused until it is enrolled again.</source>
        <translation>⁨{station}⁩ کا اندراج منسوخ کر دیا گیا (واپس لی گئی کلیدیں: ⁨{n}⁩)۔ دوبارہ اندراج تک اس کے بنڈل مسترد ہوں گے۔</translation>
    </message>
    <message>
        <source>Discard waiting bundle</source>
        <translation>روکا گیا بنڈل ہٹائیں</translation>
    </message>
    <message>
        <source>Which waiting bundle of {station}?</source>
        <translation>⁨{station}⁩ کا کون سا روکا گیا بنڈل؟</translation>
    </message>
    <message>
        <source>Remove bundle {seq} of {station}, which waits for earlier bundles? Do this only when the import said it differs from another copy and the station confirmed that copy is the right one; then import the right copy.</source>
        <translation>⁨{station}⁩ کا بنڈل ⁨{seq}⁩ ہٹا دیں، جو پہلے والے بنڈلوں کے انتظار میں روکا گیا ہے؟ یہ صرف تب کریں جب درآمد کے دوران بتایا گیا ہو کہ یہ دوسری کاپی سے مختلف ہے اور تھانے نے تصدیق کی ہو کہ وہ دوسری کاپی درست ہے؛ پھر درست کاپی درآمد کریں۔</translation>
    </message>
    <message>
        <source>Bundle {seq} of {station} was removed; import the right copy now.</source>
        <translation>⁨{station}⁩ کا بنڈل ⁨{seq}⁩ ہٹا دیا گیا؛ اب درست کاپی درآمد کریں۔</translation>
    </message>
</context>
<context>
    <name>StatusChangeBox</name>
    <message>
        <source>Choose the new status</source>
        <translation>نئی کیفیت منتخب کریں</translation>
    </message>
    <message>
        <source>What happened: whom you spoke to at the station, what they said.</source>
        <translation>کیا ہوا: تھانے میں آپ نے کس سے بات کی، انہوں نے کیا کہا۔</translation>
    </message>
    <message>
        <source>Change s&amp;tatus</source>
        <translation>کیفیت تبدیل کریں</translation>
    </message>
    <message>
        <source>&amp;New status:</source>
        <translation>نئی کیفیت:</translation>
    </message>
    <message>
        <source>This complaint is {status}: its status cannot change any more.</source>
        <translation>اس شکایت کی کیفیت ⁨{status}⁩ ہے: اب یہ تبدیل نہیں ہو سکتی۔</translation>
    </message>
    <message>
        <source>N&amp;ote (required):</source>
        <translation>نوٹ (ضروری):</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>نوٹ:</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Enroll from file…</source>
        <translation>فائل سے اندراج کریں…</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>ہیڈ کوارٹر</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>بھیجی جانے والی تبدیلیاں</translation>
    </message>
    <message>
        <source>records added or changed since the last bundle</source>
        <translation>پچھلے بنڈل کے بعد شامل یا تبدیل ہونے والے ریکارڈ</translation>
    </message>
    <message>
        <source>Audit entries waiting</source>
        <translation>بھیجی جانے والی آڈٹ انٹریاں</translation>
    </message>
    <message>
        <source>who did what; they travel with the records</source>
        <translation>کس نے کیا کیا؛ یہ ریکارڈ کے ساتھ جاتے ہیں</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>آخری بنڈل</translation>
    </message>
    <message>
        <source>Last bundle&apos;s file:</source>
        <translation>آخری بنڈل کی فائل:</translation>
    </message>
    <message>
        <source>Export bundle to folder…</source>
        <translation>بنڈل فولڈر میں برآمد کریں…</translation>
    </message>
    <message>
        <source>Put the USB stick in and choose it (or a folder on it). The bundle holds every change since the last one, signed by this desk and readable only by headquarters.</source>
        <translation>یو ایس بی لگائیں اور اسے (یا اس پر کوئی فولڈر) منتخب کریں۔ بنڈل میں پچھلے بنڈل کے بعد کی ہر تبدیلی ہوتی ہے، اس پر اس ڈیسک کے دستخط ہوتے ہیں اور اسے صرف ہیڈ کوارٹر پڑھ سکتا ہے۔</translation>
    </message>
    <message>
        <source>Write a bundle again…</source>
        <translation>بنڈل دوبارہ بنائیں…</translation>
    </message>
    <message>
        <source>Bundle number:</source>
        <translation>بنڈل نمبر:</translation>
    </message>
    <message>
        <source>A stick lost or broken on the way? Write an earlier bundle again, exactly as it was. Headquarters recognises a bundle it already has.</source>
        <translation>راستے میں یو ایس بی گم یا خراب ہو گئی؟ پہلے والا بنڈل بالکل ویسا ہی دوبارہ بنائیں۔ جو بنڈل ہیڈ کوارٹر کے پاس پہلے سے ہو، ہیڈ کوارٹر اسے پہچان لیتا ہے۔</translation>
    </message>
    <message>
        <source>Send to headquarters</source>
        <translation>ہیڈ کوارٹر کو بھیجیں</translation>
    </message>
    <message>
        <source>Import hotlist…</source>
        <translation>ہاٹ لسٹ درآمد کریں…</translation>
    </message>
    <message>
        <source>Headquarters&apos; list of every vehicle still reported stolen or snatched in the city. Vehicle checks and recovery matching use it, so this desk knows thefts reported at other stations. Import each new one as it comes.</source>
        <translation>شہر میں ہر اس گاڑی کی ہیڈ کوارٹر کی فہرست جس کی چوری یا چھیننے کی رپورٹ ابھی جاری ہے۔ گاڑی کی تصدیق اور برآمدگی کی مماثلت اسی سے ہوتی ہے، اس لیے یہ ڈیسک دوسرے تھانوں میں درج چوریوں سے بھی واقف رہتا ہے۔ ہر نئی ہاٹ لسٹ آتے ہی درآمد کریں۔</translation>
    </message>
    <message>
        <source>Hotlist from headquarters</source>
        <translation>ہیڈ کوارٹر سے ہاٹ لسٹ</translation>
    </message>
    <message>
        <source>This desk is enrolled with {hq}. Bundles it writes can be imported there.</source>
        <translation>یہ ڈیسک ⁨{hq}⁩ کے ساتھ اندراج شدہ ہے۔ اس کے بنائے ہوئے بنڈل وہاں درآمد کیے جا سکتے ہیں۔</translation>
    </message>
    <message>
        <source>Enroll again from file…</source>
        <translation>فائل سے دوبارہ اندراج کریں…</translation>
    </message>
    <message>
        <source>This desk is not enrolled with headquarters yet, so it cannot send bundles. Ask headquarters for an enrollment file, then enroll from it here.</source>
        <translation>اس ڈیسک کا ابھی ہیڈ کوارٹر کے ساتھ اندراج نہیں ہوا، اس لیے یہ بنڈل نہیں بھیج سکتا۔ ہیڈ کوارٹر سے اندراج فائل منگوائیں، پھر یہاں اس فائل سے اندراج کریں۔</translation>
    </message>
    <message>
        <source>made {when}</source>
        <translation>⁨{when}⁩ کو بنا</translation>
    </message>
    <message>
        <source>no bundle written yet</source>
        <translation>ابھی کوئی بنڈل نہیں بنا</translation>
    </message>
    <message>
        <source>No hotlist received yet: vehicle and phone checks know only this desk&apos;s own reports.</source>
        <translation>ابھی کوئی ہاٹ لسٹ موصول نہیں ہوئی: گاڑی اور فون کی تصدیق صرف اس ڈیسک کی اپنی رپورٹوں سے ہوتی ہے۔</translation>
    </message>
    <message>
        <source>Hotlist number {seq}: {n} vehicles and {phones} handsets, issued {issued}, valid until {expires} (imported {imported}).</source>
        <translation>ہاٹ لسٹ نمبر ⁨{seq}⁩: ⁨{n}⁩ گاڑیاں اور ⁨{phones}⁩ فون، ⁨{issued}⁩ کو جاری ہوئی، ⁨{expires}⁩ تک کارآمد (⁨{imported}⁩ کو درآمد کی گئی)۔</translation>
    </message>
    <message>
        <source>This hotlist EXPIRED on {expires}. Thefts reported at other stations since {issued} are not known to this desk. Ask headquarters for a new hotlist and import it.</source>
        <translation>اس ہاٹ لسٹ کی مدت ⁨{expires}⁩ کو ختم ہو چکی ہے۔ ⁨{issued}⁩ کے بعد دوسرے تھانوں میں درج چوریوں کا اس ڈیسک کو علم نہیں۔ ہیڈ کوارٹر سے نئی ہاٹ لسٹ منگوائیں اور اسے درآمد کریں۔</translation>
    </message>
    <message>
        <source>Hotlist number {seq} imported: {n} vehicles and {phones} handsets reported stolen or snatched city-wide, valid until {expires}.</source>
        <translation>ہاٹ لسٹ نمبر ⁨{seq}⁩ درآمد ہو گئی: شہر بھر میں چوری یا چھینی گئی ⁨{n}⁩ گاڑیاں اور ⁨{phones}⁩ فون، ⁨{expires}⁩ تک کارآمد۔</translation>
    </message>
    <message>
        <source>Enroll this desk with headquarters first.</source>
        <translation>پہلے اس ڈیسک کا ہیڈ کوارٹر کے ساتھ اندراج کریں۔</translation>
    </message>
    <message>
        <source>Choose the USB stick or folder for the bundle</source>
        <translation>بنڈل کے لیے یو ایس بی یا فولڈر منتخب کریں</translation>
    </message>
    <message>
        <source>Writing the next bundle to {folder}…</source>
        <translation>اگلا بنڈل ⁨{folder}⁩ میں بن رہا ہے…</translation>
    </message>
    <message>
        <source>Choose where to write bundle {n} again</source>
        <translation>منتخب کریں کہ بنڈل ⁨{n}⁩ دوبارہ کہاں بنایا جائے</translation>
    </message>
    <message>
        <source>Writing bundle {n} again to {folder}…</source>
        <translation>بنڈل ⁨{n}⁩ دوبارہ ⁨{folder}⁩ میں بن رہا ہے…</translation>
    </message>
    <message>
        <source>Choose the enrollment file from headquarters</source>
        <translation>ہیڈ کوارٹر سے آئی اندراج فائل منتخب کریں</translation>
    </message>
    <message>
        <source>Enrollment files (*.cplcenroll);;All files (*)</source>
        <translation>اندراج فائلیں (*.cplcenroll);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Enroll again</source>
        <translation>دوبارہ اندراج کریں</translation>
    </message>
    <message>
        <source>This desk is already enrolled with {hq}. Enroll it again from {file}?

The desk makes a new signing key. Do this only with a new file from headquarters.</source>
        <translation>یہ ڈیسک پہلے ہی ⁨{hq}⁩ کے ساتھ اندراج شدہ ہے۔ کیا ⁨{file}⁩ سے اس کا دوبارہ اندراج کریں؟

ڈیسک دستخط کی ایک نئی کلید بنائے گا۔ یہ صرف ہیڈ کوارٹر کی بھیجی ہوئی نئی فائل کے ساتھ کریں۔</translation>
    </message>
    <message>
        <source>This desk is now enrolled with {hq}. It can send bundles to headquarters.</source>
        <translation>اب یہ ڈیسک ⁨{hq}⁩ کے ساتھ اندراج شدہ ہے۔ یہ ہیڈ کوارٹر کو بنڈل بھیج سکتا ہے۔</translation>
    </message>
    <message>
        <source>Choose the newest hotlist file from headquarters</source>
        <translation>ہیڈ کوارٹر سے آئی سب سے نئی ہاٹ لسٹ فائل منتخب کریں</translation>
    </message>
    <message>
        <source>Hotlists (*.cplchot);;All files (*)</source>
        <translation>ہاٹ لسٹیں (*.cplchot);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Checking and importing {file}…</source>
        <translation>⁨{file}⁩ کی جانچ اور درآمد ہو رہی ہے…</translation>
    </message>
    <message>
        <source>The hotlist could not be imported: {error}</source>
        <translation>ہاٹ لسٹ درآمد نہیں ہو سکی: ⁨{error}⁩</translation>
    </message>
    <message>
        <source>The bundle could not be written: {error}</source>
        <translation>بنڈل نہیں بن سکا: ⁨{error}⁩</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Categories drawn</source>
        <translation>دکھائی گئی اقسام</translation>
    </message>
</context>
<context>
    <name>VehicleDetailDialog</name>
    <message>
        <source>Vehicle report {number} — CPLC Desk</source>
        <translation>گاڑی کی رپورٹ ⁨{number}⁩ — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Kind of vehicle:</source>
        <translation>گاڑی کی قسم:</translation>
    </message>
    <message>
        <source>Registration:</source>
        <translation>رجسٹریشن نمبر:</translation>
    </message>
    <message>
        <source>Chassis number:</source>
        <translation>چیسس نمبر:</translation>
    </message>
    <message>
        <source>Engine number:</source>
        <translation>انجن نمبر:</translation>
    </message>
    <message>
        <source>Vehicle:</source>
        <translation>گاڑی:</translation>
    </message>
</context>
<context>
    <name>VehicleFields</name>
    <message>
        <source>Choose the kind of vehicle</source>
        <translation>گاڑی کی قسم منتخب کریں</translation>
    </message>
    <message>
        <source>e.g. KNP-5586, or AFR</source>
        <translation>مثلاً KNP-5586، یا AFR</translation>
    </message>
    <message>
        <source>As stamped on the frame</source>
        <translation>جیسا فریم پر کندہ ہے</translation>
    </message>
    <message>
        <source>As stamped on the engine</source>
        <translation>جیسا انجن پر کندہ ہے</translation>
    </message>
    <message>
        <source>e.g. Honda</source>
        <translation>مثلاً Honda</translation>
    </message>
    <message>
        <source>e.g. CD 70</source>
        <translation>مثلاً CD 70</translation>
    </message>
    <message>
        <source>e.g. 2019</source>
        <translation>مثلاً 2019</translation>
    </message>
    <message>
        <source>Model &amp;year:</source>
        <translation>ماڈل کا سال:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>وقت:</translation>
    </message>
    <message>
        <source>FIR &amp;date:</source>
        <translation>ایف آئی آر کی تاریخ:</translation>
    </message>
    <message>
        <source>Mode&amp;l:</source>
        <translation>ماڈل:</translation>
    </message>
    <message>
        <source>The vehicle</source>
        <translation>گاڑی</translation>
    </message>
    <message>
        <source>&amp;Kind of vehicle: *</source>
        <translation>گاڑی کی قسم: *</translation>
    </message>
    <message>
        <source>&amp;Registration:</source>
        <translation>رجسٹریشن نمبر:</translation>
    </message>
    <message>
        <source>&amp;Chassis number:</source>
        <translation>چیسس نمبر:</translation>
    </message>
    <message>
        <source>&amp;Engine number:</source>
        <translation>انجن نمبر:</translation>
    </message>
    <message>
        <source>At least one of the three. Write them as they are on the vehicle.</source>
        <translation>تینوں میں سے کم از کم ایک۔ انہیں بالکل ویسے ہی لکھیں جیسے گاڑی پر لکھے ہیں۔</translation>
    </message>
</context>
<context>
    <name>VehicleFilters</name>
    <message>
        <source>Type a registration, chassis or engine number, a report number, or the owner&apos;s CNIC, mobile or name.</source>
        <translation>رجسٹریشن، چیسس یا انجن نمبر، رپورٹ نمبر، یا مالک کا شناختی کارڈ نمبر، موبائل نمبر یا نام ٹائپ کریں۔</translation>
    </message>
    <message>
        <source>owner&apos;s mobile {value}</source>
        <translation>مالک کا موبائل نمبر ⁨{value}⁩</translation>
    </message>
    <message>
        <source>registration, chassis or engine {value}</source>
        <translation>رجسٹریشن، چیسس یا انجن نمبر ⁨{value}⁩</translation>
    </message>
    <message>
        <source>Any kind of vehicle</source>
        <translation>ہر قسم کی گاڑی</translation>
    </message>
    <message>
        <source>Kind of vehicle</source>
        <translation>گاڑی کی قسم</translation>
    </message>
</context>
<context>
    <name>VehicleForm</name>
    <message>
        <source>registration {value}</source>
        <translation>رجسٹریشن نمبر ⁨{value}⁩</translation>
    </message>
    <message>
        <source>chassis {value}</source>
        <translation>چیسس نمبر ⁨{value}⁩</translation>
    </message>
    <message>
        <source>engine {value}</source>
        <translation>انجن نمبر ⁨{value}⁩</translation>
    </message>
    <message>
        <source>Recovered vehicle {number}: {identifiers}</source>
        <translation>برآمد شدہ گاڑی ⁨{number}⁩: ⁨{identifiers}⁩</translation>
    </message>
</context>
<context>
    <name>VehicleFormDialog</name>
    <message>
        <source>Record a vehicle — CPLC Desk</source>
        <translation>گاڑی کا ریکارڈ درج کریں — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Vehicle report registered</source>
        <translation>گاڑی کی رپورٹ درج ہو گئی</translation>
    </message>
    <message>
        <source>Record &amp;another vehicle</source>
        <translation>ایک اور گاڑی درج کریں</translation>
    </message>
    <message>
        <source>Unsaved vehicle report</source>
        <translation>محفوظ نہ ہونے والی گاڑی کی رپورٹ</translation>
    </message>
    <message>
        <source>The unsaved vehicle report was filled in again.</source>
        <translation>محفوظ نہ ہونے والی گاڑی کی رپورٹ دوبارہ بھر دی گئی۔</translation>
    </message>
    <message>
        <source>no number typed yet</source>
        <translation>ابھی کوئی نمبر نہیں لکھا گیا</translation>
    </message>
    <message>
        <source>A vehicle report was being typed here on {when} ({vehicle}) and was not saved, perhaps because of a power cut.

Continue it? If you answer No, it is thrown away.</source>
        <translation>یہاں ⁨{when}⁩ کو گاڑی کی ایک رپورٹ لکھی جا رہی تھی (⁨{vehicle}⁩) جو محفوظ نہیں ہوئی، شاید بجلی جانے کی وجہ سے۔

کیا اسے جاری رکھیں؟ اگر آپ نہیں کہیں گے تو یہ ضائع کر دی جائے گی۔</translation>
    </message>
    <message>
        <source>Anyone checking this vehicle at this desk is now told it is reported {kind}. Give the owner the receipt: it carries the report number.</source>
        <translation>اب اس ڈیسک پر جو بھی اس گاڑی کی تصدیق کرے گا، اسے بتایا جائے گا کہ یہ گاڑی ⁨{kind}⁩ درج ہے۔ مالک کو رسید دیں: اس پر رپورٹ نمبر درج ہے۔</translation>
    </message>
    <message>
        <source>No open theft report matches this vehicle yet. The recovery stays open; it is shown as “Not matched yet” in the list and can be matched later.</source>
        <translation>چوری کی کوئی جاری رپورٹ ابھی اس گاڑی سے نہیں ملتی۔ برآمدگی کی رپورٹ جاری رہے گی؛ فہرست میں یہ “ابھی مماثلت نہیں ملی” کے طور پر نظر آئے گی اور بعد میں ملائی جا سکتی ہے۔</translation>
    </message>
</context>
<context>
    <name>VehicleMatch</name>
    <message>
        <source>Chassis number</source>
        <translation>چیسس نمبر</translation>
    </message>
    <message>
        <source>Engine number</source>
        <translation>انجن نمبر</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>the chassis number</source>
        <translation>چیسس نمبر</translation>
    </message>
    <message>
        <source>the engine number</source>
        <translation>انجن نمبر</translation>
    </message>
    <message>
        <source>the registration number</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>بالکل ایک جیسا</translation>
    </message>
    <message>
        <source>equals {other} written in the theft report</source>
        <translation>چوری کی رپورٹ میں لکھے ⁨{other}⁩ کے برابر</translation>
    </message>
    <message>
        <source>equals {other} written in the theft report, reading look-alike characters (O and 0, I and 1, S and 5…) as the same</source>
        <translation>چوری کی رپورٹ میں لکھے ⁨{other}⁩ کے برابر، ملتے جلتے حروف (O اور 0، I اور 1، S اور 5…) کو ایک ہی مان کر</translation>
    </message>
    <message>
        <source>the same once look-alike characters (O and 0, I and 1, S and 5…) are read alike</source>
        <translation>ملتے جلتے حروف (O اور 0، I اور 1، S اور 5…) کو ایک ہی مان کر ایک جیسا</translation>
    </message>
    <message>
        <source>one character different</source>
        <translation>ایک حرف کا فرق</translation>
    </message>
    <message>
        <source>partial plate</source>
        <translation>ادھوری نمبر پلیٹ</translation>
    </message>
    <message>
        <source>{field}: {how}</source>
        <translation>⁨{field}⁩: ⁨{how}⁩</translation>
    </message>
    <message>
        <source>Strong match (score {score}; 85 or more is strong)</source>
        <translation>مضبوط مماثلت (اسکور ⁨{score}⁩؛ 85 یا زیادہ مضبوط ہے)</translation>
    </message>
    <message>
        <source>Possible match (score {score}; 50 to 84 is possible, 85 strong)</source>
        <translation>ممکنہ مماثلت (اسکور ⁨{score}⁩؛ 50 سے 84 ممکنہ، 85 مضبوط)</translation>
    </message>
    <message>
        <source>Weak match (score {score}; below 50 is weak: check every number on the vehicle)</source>
        <translation>کمزور مماثلت (اسکور ⁨{score}⁩؛ 50 سے کم کمزور ہے: گاڑی پر لکھا ہر نمبر چیک کریں)</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>کمپنی</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>ماڈل</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>رنگ</translation>
    </message>
    <message>
        <source>{field}: the same ({value})</source>
        <translation>⁨{field}⁩: ایک جیسا (⁨{value}⁩)</translation>
    </message>
    <message>
        <source>{field}: different ({mine} here, {theirs} in the theft report)</source>
        <translation>⁨{field}⁩: مختلف (یہاں ⁨{mine}⁩، چوری کی رپورٹ میں ⁨{theirs}⁩)</translation>
    </message>
    <message>
        <source>{kind} · {vclass} · {description}</source>
        <translation>⁨{kind}⁩ · ⁨{vclass}⁩ · ⁨{description}⁩</translation>
    </message>
    <message>
        <source>Registration {reg} · chassis {chassis} · engine {engine}</source>
        <translation>رجسٹریشن نمبر ⁨{reg}⁩ · چیسس ⁨{chassis}⁩ · انجن ⁨{engine}⁩</translation>
    </message>
    <message>
        <source>Police station {station} · on {when} · FIR {fir}</source>
        <translation>تھانہ ⁨{station}⁩ · ⁨{when}⁩ کو · ایف آئی آر ⁨{fir}⁩</translation>
    </message>
    <message>
        <source>From the city-wide hotlist: tell {station} police station that it was found; headquarters links the two reports.</source>
        <translation>شہر بھر کی ہاٹ لسٹ سے: تھانہ ⁨{station}⁩ کو بتائیں کہ گاڑی مل گئی ہے؛ ہیڈ کوارٹر دونوں رپورٹوں کو آپس میں جوڑ دے گا۔</translation>
    </message>
</context>
<context>
    <name>VehicleMatchDialog</name>
    <message>
        <source>Is this the stolen vehicle? — CPLC Desk</source>
        <translation>کیا یہ وہی چوری شدہ گاڑی ہے؟ — سی پی ایل سی ڈیسک</translation>
    </message>
    <message>
        <source>Theft reports this vehicle may belong to</source>
        <translation>چوری کی وہ رپورٹیں جن کی یہ گاڑی ہو سکتی ہے</translation>
    </message>
    <message>
        <source>Compare each report with the vehicle in front of you. Confirm the one that is the same vehicle: that report is then closed as recovered. If none is, choose None of these; the recovery stays open and can be matched later.</source>
        <translation>ہر رپورٹ کا اپنے سامنے موجود گاڑی سے موازنہ کریں۔ جو رپورٹ اسی گاڑی کی ہو اس کی تصدیق کریں: پھر وہ رپورٹ برآمد شدہ کے طور پر بند ہو جائے گی۔ اگر کوئی بھی نہ ہو تو “ان میں سے کوئی نہیں” منتخب کریں؛ برآمدگی کی رپورٹ جاری رہے گی اور بعد میں ملائی جا سکتی ہے۔</translation>
    </message>
    <message>
        <source>Report {number} ({kind} at {station}) will be closed as recovered and linked to this recovery. Confirm that it is the same vehicle?</source>
        <translation>رپورٹ ⁨{number}⁩ (⁨{kind}⁩، تھانہ ⁨{station}⁩) برآمد شدہ کے طور پر بند ہو کر اس برآمدگی سے منسلک ہو جائے گی۔ کیا آپ تصدیق کرتے ہیں کہ یہ وہی گاڑی ہے؟</translation>
    </message>
</context>
<context>
    <name>VehicleVerifyWidget</name>
    <message>
        <source>Registration, chassis or engine number</source>
        <translation>رجسٹریشن، چیسس یا انجن نمبر</translation>
    </message>
    <message>
        <source>Vehicle to check</source>
        <translation>تصدیق کے لیے گاڑی</translation>
    </message>
    <message>
        <source>Chec&amp;k a vehicle:</source>
        <translation>گاڑی کی تصدیق کریں:</translation>
    </message>
    <message>
        <source>Type a registration, chassis or engine number</source>
        <translation>رجسٹریشن، چیسس یا انجن نمبر لکھیں</translation>
    </message>
    <message>
        <source>Type at least 3 letters or digits.</source>
        <translation>کم از کم 3 حروف یا ہندسے لکھیں۔</translation>
    </message>
    <message>
        <source>Do not buy, release or hand over this vehicle. Inform {stations} police station.</source>
        <translation>یہ گاڑی نہ خریدیں، نہ چھوڑیں اور نہ کسی کے حوالے کریں۔ تھانہ ⁨{stations}⁩ کو اطلاع دیں۔</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>برآمد شدہ</translation>
    </message>
    <message>
        <source>This vehicle was reported stolen or snatched and has since been recovered, or was found and recorded here. No open theft report names it.</source>
        <translation>اس گاڑی کی چوری یا چھینے جانے کی رپورٹ درج ہوئی تھی اور بعد میں یہ برآمد ہو چکی ہے، یا یہ لاوارث ملی اور یہاں درج کی گئی۔ چوری کی کسی جاری رپورٹ میں اس کا ذکر نہیں۔</translation>
    </message>
    <message>
        <source>NEAR RECORD - CHECK EVERY CHARACTER</source>
        <translation>ملتا جلتا ریکارڈ - ہر حرف اور ہندسہ ملا کر دیکھیں</translation>
    </message>
    <message>
        <source>{key} itself is not reported, but a vehicle one slip away is (below). Compare the papers with the plate, chassis and engine numbers on the vehicle, character by character, before going on.</source>
        <translation>خود ⁨{key}⁩ کی رپورٹ نہیں، لیکن ایک غلطی کے فرق والی گاڑی کی رپورٹ موجود ہے (نیچے)۔ آگے بڑھنے سے پہلے کاغذات کو گاڑی پر لکھے رجسٹریشن نمبر، چیسس نمبر اور انجن نمبر سے ایک ایک حرف ملا کر دیکھیں۔</translation>
    </message>
    <message>
        <source>No record</source>
        <translation>کوئی ریکارڈ نہیں</translation>
    </message>
    <message>
        <source>{key} is not reported stolen, snatched or recovered here. This does not prove who owns it: check the papers.</source>
        <translation>⁨{key}⁩ کی یہاں چوری، چھینے جانے یا برآمدگی کی کوئی رپورٹ نہیں۔ اس سے یہ ثابت نہیں ہوتا کہ گاڑی کا مالک کون ہے: کاغذات دیکھ لیں۔</translation>
    </message>
    <message>
        <source> (city-wide hotlist)</source>
        <translation> (پورے شہر کی ہاٹ لسٹ)</translation>
    </message>
    <message>
        <source>Report {number}{source} · {kind}, {status}</source>
        <translation>رپورٹ ⁨{number}⁩⁨{source}⁩ · ⁨{kind}⁩، ⁨{status}⁩</translation>
    </message>
    <message>
        <source>{station} police station · on {when} · FIR {fir}</source>
        <translation>تھانہ ⁨{station}⁩ · ⁨{when}⁩ کو · ایف آئی آر ⁨{fir}⁩</translation>
    </message>
    <message>
        <source>{number} of {date}</source>
        <translation>⁨{number}⁩ مورخہ ⁨{date}⁩</translation>
    </message>
    <message>
        <source>not lodged</source>
        <translation>درج نہیں ہوئی</translation>
    </message>
    <message>
        <source>registration {value}</source>
        <translation>رجسٹریشن نمبر ⁨{value}⁩</translation>
    </message>
    <message>
        <source>chassis {value}</source>
        <translation>چیسس نمبر ⁨{value}⁩</translation>
    </message>
    <message>
        <source>engine {value}</source>
        <translation>انجن نمبر ⁨{value}⁩</translation>
    </message>
</context>
<context>
    <name>VehiclesModel</name>
    <message>
        <source>Car</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>Motorcycle</source>
        <translation>موٹر سائیکل</translation>
    </message>
    <message>
        <source>Rickshaw</source>
        <translation>رکشہ</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>کمرشل گاڑی</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>vehicle class</comment>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>Chassis</source>
        <translation>چیسس</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>انجن</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>گاڑی</translation>
    </message>
</context>
<context>
    <name>VehiclesPage</name>
    <message>
        <source>Is this vehicle reported stolen?</source>
        <translation>کیا اس گاڑی کی چوری کی رپورٹ درج ہے؟</translation>
    </message>
    <message>
        <source>Vehicle reports</source>
        <translation>گاڑیوں کی رپورٹیں</translation>
    </message>
    <message>
        <source>Recovered vehicles that match another station&apos;s theft report, and vehicles reported stolen twice</source>
        <translation>وہ برآمد شدہ گاڑیاں جو کسی دوسرے تھانے کی چوری کی رپورٹ سے ملتی ہیں، اور وہ گاڑیاں جن کی چوری کی رپورٹ دو بار درج ہوئی</translation>
    </message>
    <message>
        <source>Registration, chassis or engine number, report number, owner&apos;s CNIC, mobile or name</source>
        <translation>رجسٹریشن، چیسس یا انجن نمبر، رپورٹ نمبر، مالک کا شناختی کارڈ نمبر، موبائل نمبر یا نام</translation>
    </message>
    <message>
        <source>Search vehicle reports</source>
        <translation>گاڑیوں کی رپورٹیں تلاش کریں</translation>
    </message>
    <message>
        <source>New vehicle report…</source>
        <translation>گاڑی کی نئی رپورٹ…</translation>
    </message>
    <message>
        <source>Record a stolen, snatched, recovered or found vehicle (Ctrl+N)</source>
        <translation>چوری شدہ، چھینی گئی، برآمد شدہ یا لاوارث ملی گاڑی درج کریں (Ctrl+N)</translation>
    </message>
    <message>
        <source>Vehicle reports are registered at police-station desks</source>
        <translation>گاڑیوں کی رپورٹیں تھانوں کے ڈیسک پر درج کی جاتی ہیں</translation>
    </message>
    <message>
        <source>No vehicle reports match</source>
        <translation>گاڑی کی کوئی رپورٹ نہیں ملی</translation>
    </message>
    <message>
        <source>1 vehicle report</source>
        <translation>گاڑی کی 1 رپورٹ</translation>
    </message>
    <message>
        <source>More than {count} vehicle reports</source>
        <translation>گاڑیوں کی ⁨{count}⁩ سے زیادہ رپورٹیں</translation>
    </message>
    <message>
        <source>{count} vehicle reports</source>
        <translation>گاڑیوں کی ⁨{count}⁩ رپورٹیں</translation>
    </message>
    <message>
        <source>No vehicle report matches this search. Check the number, or clear the filters.</source>
        <translation>اس تلاش سے گاڑی کی کوئی رپورٹ نہیں ملی۔ نمبر دوبارہ دیکھیں، یا فلٹر ختم کریں۔</translation>
    </message>
    <message>
        <source>No vehicle reports yet. Record the first with New vehicle report… (Ctrl+N).</source>
        <translation>ابھی گاڑیوں کی کوئی رپورٹ نہیں۔ پہلی رپورٹ “گاڑی کی نئی رپورٹ…” (Ctrl+N) سے درج کریں۔</translation>
    </message>
    <message>
        <source>No vehicle reports yet. They arrive in the bundles stations send.</source>
        <translation>ابھی گاڑیوں کی کوئی رپورٹ نہیں۔ یہ تھانوں کے بھیجے ہوئے بنڈلوں میں آتی ہیں۔</translation>
    </message>
    <message>
        <source>No open theft report matches {number} yet. It stays open: when a matching theft report arrives, double-click it again.</source>
        <translation>ابھی تک چوری کی کوئی جاری رپورٹ ⁨{number}⁩ سے مماثل نہیں۔ یہ رپورٹ جاری رہے گی: جب کوئی مماثل چوری کی رپورٹ آئے تو اس پر دوبارہ ڈبل کلک کریں۔</translation>
    </message>
</context>
<context>
    <name>WorkDialog</name>
    <message>
        <source>The import stopped: {error}</source>
        <translation>درآمد رک گئی: ⁨{error}⁩</translation>
    </message>
</context>
<context>
    <name>context</name>
    <message>
        <source>12345-1234567-1</source>
        <translation>12345-1234567-1</translation>
    </message>
    <message>
        <source>0300-1234567</source>
        <translation>0300-1234567</translation>
    </message>
</context>
</TS>
