<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DiagnosticsView</name>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>最新消息</translation>
    </message>
    <message>
        <source>Scan something to test the scanner</source>
        <translation>扫描任意条码以测试扫描枪</translation>
    </message>
    <message>
        <source>No scale reading</source>
        <translation>暂无称重读数</translation>
    </message>
    <message>
        <source>No errors</source>
        <translation>无错误</translation>
    </message>
    <message>
        <source>Connected devices</source>
        <translation>已连接设备</translation>
    </message>
    <message>
        <source>Last scan</source>
        <translation>最近一次扫描</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近的错误</translation>
    </message>
    <message>
        <source>Recent scans</source>
        <translation>最近的扫描</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <source>settling</source>
        <translation>稳定中</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Shipshape — station {station}</source>
        <translation>Shipshape — 工作站 {station}</translation>
    </message>
</context>
<context>
    <name>PrinterSettings</name>
    <message>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <source>Label format</source>
        <translation>标签格式</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>标签尺寸</translation>
    </message>
    <message>
        <source>Printer resolution (dpi)</source>
        <translation>打印分辨率 (dpi)</translation>
    </message>
    <message>
        <source>Look for printers</source>
        <translation>查找打印机</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <source>Looking for printers…</source>
        <translation>正在查找打印机…</translation>
    </message>
    <message>
        <source>{n} printer(s) found.</source>
        <translation>找到 {n} 台打印机。</translation>
    </message>
    <message>
        <source>No printer found. Check that it is switched on and connected, then look again.</source>
        <translation>未找到打印机。请确认打印机已开机并已连接，然后重新查找。</translation>
    </message>
    <message>
        <source>Could not list printers: {error}</source>
        <translation>无法列出打印机：{error}</translation>
    </message>
    <message>
        <source>Sending a test label to {printer}…</source>
        <translation>正在向 {printer} 发送测试标签…</translation>
    </message>
    <message>
        <source>Test label sent: {result}</source>
        <translation>测试标签已发送：{result}</translation>
    </message>
    <message>
        <source>Test print failed: {error}. Check paper and cable, then try again.</source>
        <translation>测试打印失败：{error}。请检查纸张和连接线，然后重试。</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>请先选择打印机。</translation>
    </message>
</context>
<context>
    <name>RoleHome</name>
    <message>
        <source>Hello, {name}</source>
        <translation>您好，{name}</translation>
    </message>
    <message>
        <source>Your pick lists will appear here when a wave is released.</source>
        <translation>波次下达后，您的拣货单将显示在这里。</translation>
    </message>
    <message>
        <source>Totes ready to pack will appear here.</source>
        <translation>待打包的周转箱将显示在这里。</translation>
    </message>
    <message>
        <source>Waves, progress and exceptions will appear here.</source>
        <translation>波次、进度和异常将显示在这里。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <source>Shift lead</source>
        <translation>班组长</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Enter your PIN</source>
        <translation>请输入 PIN 码</translation>
    </message>
    <message>
        <source>Badge {badge} belongs to a shift lead. Type your PIN and press Enter.</source>
        <translation>工牌 {badge} 属于班组长。请输入 PIN 码并按回车键。</translation>
    </message>
    <message>
        <source>Scan your badge</source>
        <translation>请扫描您的工牌</translation>
    </message>
    <message>
        <source>or type your badge number and press Enter</source>
        <translation>或输入工牌号码并按回车键</translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation>工牌号码</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Use another badge</source>
        <translation>换一个工牌</translation>
    </message>
    <message>
        <source>That was not a badge ({code}). Scan the barcode on your badge.</source>
        <translation>这不是工牌（{code}）。请扫描您工牌上的条码。</translation>
    </message>
    <message>
        <source>Scan your badge or type its number first.</source>
        <translation>请先扫描工牌或输入工牌号码。</translation>
    </message>
    <message>
        <source>Checking badge {badge}…</source>
        <translation>正在验证工牌 {badge}…</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>PIN 码错误，请重试。</translation>
    </message>
    <message>
        <source>Badge {badge} is not known. Ask your shift lead to register it.</source>
        <translation>工牌 {badge} 未登记。请联系班组长登记。</translation>
    </message>
    <message>
        <source>Could not sign in ({error}). Try again; if it keeps failing, call your shift lead.</source>
        <translation>无法登录（{error}）。请重试；如果仍然失败，请联系班组长。</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Station {station}</source>
        <translation>工作站 {station}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
</context>
</TS>
