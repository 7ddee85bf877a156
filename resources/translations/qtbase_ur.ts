<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
    <context>
        <name>QAbstractSpinBox</name>
        <message>
            <source>&amp;Select All</source>
            <translation>سب منتخب کریں</translation>
        </message>
        <message>
            <source>&amp;Step up</source>
            <translation>بڑھائیں</translation>
        </message>
        <message>
            <source>Step &amp;down</source>
            <translation>گھٹائیں</translation>
        </message>
    </context>
    <context>
        <name>QDialogButtonBox</name>
        <message>
            <source>OK</source>
            <translation>ٹھیک ہے</translation>
        </message>
    </context>
    <context>
        <name>QErrorMessage</name>
        <message>
            <source>Debug Message:</source>
            <translation>ڈیبگ پیغام:</translation>
        </message>
        <message>
            <source>Warning:</source>
            <translation>انتباہ:</translation>
        </message>
        <message>
            <source>Critical Error:</source>
            <translation>سنگین خرابی:</translation>
        </message>
        <message>
            <source>Fatal Error:</source>
            <translation>مہلک خرابی:</translation>
        </message>
        <message>
            <source>Information:</source>
            <translation>معلومات:</translation>
        </message>
        <message>
            <source>&amp;Show this message again</source>
            <translation>یہ پیغام دوبارہ دکھائیں</translation>
        </message>
        <message>
            <source>&amp;OK</source>
            <translation>ٹھیک ہے</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>All Files (*)</source>
            <translation>تمام فائلیں (*)</translation>
        </message>
        <message>
            <source>Look in:</source>
            <translation>اس میں دیکھیں:</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>پیچھے</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>پیچھے جائیں</translation>
        </message>
        <message>
            <source>Alt+Left</source>
            <translation>Alt+Left</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>آگے</translation>
        </message>
        <message>
            <source>Go forward</source>
            <translation>آگے جائیں</translation>
        </message>
        <message>
            <source>Alt+Right</source>
            <translation>Alt+Right</translation>
        </message>
        <message>
            <source>Parent Directory</source>
            <translation>اوپر والا فولڈر</translation>
        </message>
        <message>
            <source>Go to the parent directory</source>
            <translation>اوپر والے فولڈر میں جائیں</translation>
        </message>
        <message>
            <source>Alt+Up</source>
            <translation>Alt+Up</translation>
        </message>
        <message>
            <source>Create New Folder</source>
            <translation>نیا فولڈر بنائیں</translation>
        </message>
        <message>
            <source>Create a New Folder</source>
            <translation>ایک نیا فولڈر بنائیں</translation>
        </message>
        <message>
            <source>List View</source>
            <translation>فہرست کی صورت</translation>
        </message>
        <message>
            <source>Change to list view mode</source>
            <translation>فہرست کی صورت میں دکھائیں</translation>
        </message>
        <message>
            <source>Detail View</source>
            <translation>تفصیلی صورت</translation>
        </message>
        <message>
            <source>Change to detail view mode</source>
            <translation>تفصیل کے ساتھ دکھائیں</translation>
        </message>
        <message>
            <source>Sidebar</source>
            <translation>سائیڈ بار</translation>
        </message>
        <message>
            <source>List of places and bookmarks</source>
            <translation>جگہوں اور بک مارکس کی فہرست</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>فائلیں</translation>
        </message>
        <message>
            <source>Files of type:</source>
            <translation>فائل کی قسم:</translation>
        </message>
        <message>
            <source>Find Directory</source>
            <translation>فولڈر تلاش کریں</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>کھولیں</translation>
        </message>
        <message>
            <source>Save As</source>
            <translation>نئے نام سے محفوظ کریں</translation>
        </message>
        <message>
            <source>Directory:</source>
            <translation>فولڈر:</translation>
        </message>
        <message>
            <source>File &amp;name:</source>
            <translation>فائل کا نام:</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>کھولیں</translation>
        </message>
        <message>
            <source>&amp;Choose</source>
            <translation>منتخب کریں</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>محفوظ کریں</translation>
        </message>
        <message>
            <source>Show </source>
            <translation>دکھائیں: </translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>نام بدلیں</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>حذف کریں</translation>
        </message>
        <message>
            <source>Show &amp;hidden files</source>
            <translation>چھپی ہوئی فائلیں دکھائیں</translation>
        </message>
        <message>
            <source>&amp;New Folder</source>
            <translation>نیا فولڈر</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>تمام فائلیں (*)</translation>
        </message>
        <message>
            <source>Directories</source>
            <translation>فولڈر</translation>
        </message>
        <message>
            <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
            <translation>⁨%1⁩
فولڈر نہیں ملا۔
براہِ کرم دیکھ لیں کہ فولڈر کا نام درست لکھا گیا ہے۔</translation>
        </message>
        <message>
            <source>%1 already exists.
Do you want to replace it?</source>
            <translation>⁨%1⁩ پہلے سے موجود ہے۔
کیا آپ اس کی جگہ نئی فائل رکھنا چاہتے ہیں؟</translation>
        </message>
        <message>
            <source>%1
File not found.
Please verify the correct file name was given.</source>
            <translation>⁨%1⁩
فائل نہیں ملی۔
براہِ کرم دیکھ لیں کہ فائل کا نام درست لکھا گیا ہے۔</translation>
        </message>
        <message>
            <source>New Folder</source>
            <translation>نیا فولڈر</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>حذف کریں</translation>
        </message>
        <message>
            <source>'%1' is write protected.
Do you want to delete it anyway?</source>
            <translation>'⁨%1⁩' میں تبدیلی کی اجازت نہیں (رائٹ پروٹیکٹڈ)۔
کیا آپ پھر بھی اسے حذف کرنا چاہتے ہیں؟</translation>
        </message>
        <message>
            <source>Are you sure you want to delete '%1'?</source>
            <translation>کیا آپ واقعی '⁨%1⁩' کو حذف کرنا چاہتے ہیں؟</translation>
        </message>
        <message>
            <source>Could not delete directory.</source>
            <translation>فولڈر حذف نہیں ہو سکا۔</translation>
        </message>
        <message>
            <source>Recent Places</source>
            <translation>حالیہ جگہیں</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>ہٹائیں</translation>
        </message>
        <message>
            <source>My Computer</source>
            <translation>میرا کمپیوٹر</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>ڈرائیو</translation>
        </message>
        <message>
            <source>%1 File</source>
            <translation>⁨%1⁩ فائل</translation>
        </message>
        <message>
            <source>File</source>
            <translation>فائل</translation>
        </message>
        <message>
            <source>File Folder</source>
            <comment>Match Windows Explorer</comment>
            <translation>فائل فولڈر</translation>
        </message>
        <message>
            <source>Folder</source>
            <comment>All other platforms</comment>
            <translation>فولڈر</translation>
        </message>
        <message>
            <source>Alias</source>
            <comment>OS X Finder</comment>
            <translation>ایلیاس</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <comment>All other platforms</comment>
            <translation>شارٹ کٹ</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>نامعلوم</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>%1 TB</source>
            <translation>⁨%1⁩ ٹی بی</translation>
        </message>
        <message>
            <source>%1 GB</source>
            <translation>⁨%1⁩ جی بی</translation>
        </message>
        <message>
            <source>%1 MB</source>
            <translation>⁨%1⁩ ایم بی</translation>
        </message>
        <message>
            <source>%1 KB</source>
            <translation>⁨%1⁩ کے بی</translation>
        </message>
        <message>
            <source>%1 bytes</source>
            <translation>⁨%1⁩ بائٹس</translation>
        </message>
        <message>
            <source>Invalid filename</source>
            <translation>فائل کا نام درست نہیں</translation>
        </message>
        <message>
            <source>&lt;b&gt;The name "%1" can not be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuations marks.</source>
            <translation>&lt;b&gt;نام "⁨%1⁩" استعمال نہیں ہو سکتا۔&lt;/b&gt;&lt;p&gt;کوئی دوسرا نام آزمائیں، جس میں حروف کم ہوں یا کوئی رموزِ اوقاف نہ ہوں۔</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>سائز</translation>
        </message>
        <message>
            <source>Kind</source>
            <comment>Match OS X Finder</comment>
            <translation>قسم</translation>
        </message>
        <message>
            <source>Type</source>
            <comment>All other platforms</comment>
            <translation>قسم</translation>
        </message>
        <message>
            <source>Date Modified</source>
            <translation>تبدیلی کی تاریخ</translation>
        </message>
        <message>
            <source>My Computer</source>
            <translation>میرا کمپیوٹر</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>کمپیوٹر</translation>
        </message>
        <message>
            <source>%1 byte(s)</source>
            <translation>⁨%1⁩ بائٹ</translation>
        </message>
    </context>
    <context>
        <name>QGuiApplication</name>
        <message>
            <source>QT_LAYOUT_DIRECTION</source>
            <comment>Translate this string to the string 'LTR' in left-to-right languages or to 'RTL' in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
            <translation>RTL</translation>
        </message>
    </context>
    <context>
        <name>QInputDialog</name>
        <message>
            <source>Enter a value:</source>
            <translation>یہاں درج کریں:</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Undo</source>
            <translation>واپس کریں</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>دوبارہ کریں</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>کاٹیں</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>کاپی کریں</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>پیسٹ کریں</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>حذف کریں</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>سب منتخب کریں</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>تفصیل دکھائیں…</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>تفصیل چھپائیں…</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>ٹھیک ہے</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>محفوظ کریں</translation>
        </message>
        <message>
            <source>Save All</source>
            <translation>سب محفوظ کریں</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>کھولیں</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>ہاں</translation>
        </message>
        <message>
            <source>Yes to &amp;All</source>
            <translation>سب کے لیے ہاں</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>نہیں</translation>
        </message>
        <message>
            <source>N&amp;o to All</source>
            <translation>سب کے لیے نہیں</translation>
        </message>
        <message>
            <source>Abort</source>
            <translation>روک دیں</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>دوبارہ کوشش کریں</translation>
        </message>
        <message>
            <source>Ignore</source>
            <translation>نظر انداز کریں</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>بند کریں</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>منسوخ کریں</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>ضائع کریں</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>مدد</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>لاگو کریں</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>ری سیٹ کریں</translation>
        </message>
        <message>
            <source>Restore Defaults</source>
            <translation>اصل ترتیبات بحال کریں</translation>
        </message>
    </context>
    <context>
        <name>QProgressDialog</name>
        <message>
            <source>Cancel</source>
            <translation>منسوخ کریں</translation>
        </message>
    </context>
    <context>
        <name>QScrollBar</name>
        <message>
            <source>Scroll here</source>
            <translation>یہاں تک سکرول کریں</translation>
        </message>
        <message>
            <source>Left edge</source>
            <translation>بایاں کنارہ</translation>
        </message>
        <message>
            <source>Top</source>
            <translation>سب سے اوپر</translation>
        </message>
        <message>
            <source>Right edge</source>
            <translation>دایاں کنارہ</translation>
        </message>
        <message>
            <source>Bottom</source>
            <translation>سب سے نیچے</translation>
        </message>
        <message>
            <source>Page left</source>
            <translation>ایک صفحہ بائیں</translation>
        </message>
        <message>
            <source>Page up</source>
            <translation>ایک صفحہ اوپر</translation>
        </message>
        <message>
            <source>Page right</source>
            <translation>ایک صفحہ دائیں</translation>
        </message>
        <message>
            <source>Page down</source>
            <translation>ایک صفحہ نیچے</translation>
        </message>
        <message>
            <source>Scroll left</source>
            <translation>بائیں سکرول کریں</translation>
        </message>
        <message>
            <source>Scroll up</source>
            <translation>اوپر سکرول کریں</translation>
        </message>
        <message>
            <source>Scroll right</source>
            <translation>دائیں سکرول کریں</translation>
        </message>
        <message>
            <source>Scroll down</source>
            <translation>نیچے سکرول کریں</translation>
        </message>
    </context>
    <context>
        <name>QUnicodeControlCharacterMenu</name>
        <message>
            <source>LRM Left-to-right mark</source>
            <translation>LRM بائیں سے دائیں کا نشان</translation>
        </message>
        <message>
            <source>RLM Right-to-left mark</source>
            <translation>RLM دائیں سے بائیں کا نشان</translation>
        </message>
        <message>
            <source>ZWJ Zero width joiner</source>
            <translation>ZWJ صفر چوڑائی والا جوڑنے والا حرف</translation>
        </message>
        <message>
            <source>ZWNJ Zero width non-joiner</source>
            <translation>ZWNJ صفر چوڑائی والا نہ جوڑنے والا حرف</translation>
        </message>
        <message>
            <source>ZWSP Zero width space</source>
            <translation>ZWSP صفر چوڑائی والی خالی جگہ</translation>
        </message>
        <message>
            <source>LRE Start of left-to-right embedding</source>
            <translation>LRE بائیں سے دائیں شامل متن کا آغاز</translation>
        </message>
        <message>
            <source>RLE Start of right-to-left embedding</source>
            <translation>RLE دائیں سے بائیں شامل متن کا آغاز</translation>
        </message>
        <message>
            <source>LRO Start of left-to-right override</source>
            <translation>LRO بائیں سے دائیں لازمی سمت کا آغاز</translation>
        </message>
        <message>
            <source>RLO Start of right-to-left override</source>
            <translation>RLO دائیں سے بائیں لازمی سمت کا آغاز</translation>
        </message>
        <message>
            <source>PDF Pop directional formatting</source>
            <translation>PDF سمت کی ترتیب کا اختتام</translation>
        </message>
        <message>
            <source>LRI Left-to-right isolate</source>
            <translation>LRI بائیں سے دائیں الگ حصہ</translation>
        </message>
        <message>
            <source>RLI Right-to-left isolate</source>
            <translation>RLI دائیں سے بائیں الگ حصہ</translation>
        </message>
        <message>
            <source>FSI First strong isolate</source>
            <translation>FSI پہلے واضح حرف کی سمت والا الگ حصہ</translation>
        </message>
        <message>
            <source>PDI Pop directional isolate</source>
            <translation>PDI الگ حصے کا اختتام</translation>
        </message>
        <message>
            <source>Insert Unicode control character</source>
            <translation>یونیکوڈ کنٹرول حرف داخل کریں</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <source>&amp;Undo</source>
            <translation>واپس کریں</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>دوبارہ کریں</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>کاٹیں</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>کاپی کریں</translation>
        </message>
        <message>
            <source>Copy &amp;Link Location</source>
            <translation>لنک کا پتہ کاپی کریں</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>پیسٹ کریں</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>حذف کریں</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>سب منتخب کریں</translation>
        </message>
    </context>
</TS>
