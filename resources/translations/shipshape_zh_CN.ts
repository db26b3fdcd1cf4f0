<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardTab</name>
    <message>
        <source>Reassign…</source>
        <translation>重新分配…</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>取消分配</translation>
    </message>
    <message>
        <source>Hold wave</source>
        <translation>暂停波次</translation>
    </message>
    <message>
        <source>Resume wave</source>
        <translation>恢复波次</translation>
    </message>
    <message>
        <source>Cancel wave</source>
        <translation>取消波次</translation>
    </message>
    <message>
        <source>Top up wave</source>
        <translation>补单到波次</translation>
    </message>
    <message>
        <source>Re-balance…</source>
        <translation>重新均衡…</translation>
    </message>
    <message>
        <source>Drop lists on a picker</source>
        <translation>把拣货单拖到拣货员上</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{lists} pick lists on the floor · {done} of {total} lines picked</source>
        <translation>现场 {lists} 张拣货单 · 已拣 {done}/{total} 行</translation>
    </message>
    <message>
        <source>Replenishments open: {count}</source>
        <translation>待补货任务：{count}</translation>
    </message>
    <message>
        <source>{quantity} × {sku}: {source} → {target}</source>
        <translation>{quantity} × {sku}：{source} → {target}</translation>
    </message>
    <message>
        <source>and {more} more</source>
        <translation>另有 {more} 项</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>{n} pick list(s)</source>
        <translation>{n} 张拣货单</translation>
    </message>
    <message>
        <source>wave {name}</source>
        <translation>波次 {name}</translation>
    </message>
    <message>
        <source>Cancel wave {name}? Its orders give their stock back.</source>
        <translation>取消波次 {name}？其订单将释放库存。</translation>
    </message>
    <message>
        <source>cancelled from the board</source>
        <translation>在看板上取消</translation>
    </message>
    <message>
        <source>Wave {wave}: walking saved {saved} m ({pct} %) · {carts} unstarted carts, {before} m → {after} m</source>
        <translation>波次 {wave}：少走 {saved} 米（{pct} %）· {carts} 辆未开始的拣货车，{before} 米 → {after} 米</translation>
    </message>
    <message>
        <source>Wave {wave}: no shorter carts · {carts} unstarted carts, {before} m</source>
        <translation>波次 {wave}：没有更短的拣货车组合 · {carts} 辆未开始的拣货车，{before} 米</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <source>Cart set-up: tote {n} of {total}</source>
        <translation>推车准备：第 {n} 个周转箱，共 {total} 个</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>订单 {order}</translation>
    </message>
    <message>
        <source>Scan an empty tote (T:…) and put it on the cart.</source>
        <translation>扫描一个空周转箱（T:…）并放到推车上。</translation>
    </message>
    <message>
        <source>scan a tote</source>
        <translation>请扫描周转箱</translation>
    </message>
</context>
<context>
    <name>CartonPanel</name>
    <message>
        <source>Serial: scan it, or type + Enter</source>
        <translation>序列号：扫描或输入+回车</translation>
    </message>
    <message>
        <source>Type the count + Enter</source>
        <translation>输入数量后按回车</translation>
    </message>
    <message>
        <source>Scan C:WEIGH</source>
        <translation>扫描 C:WEIGH</translation>
    </message>
    <message>
        <source>kg (type it)</source>
        <translation>kg（手动输入）</translation>
    </message>
    <message>
        <source>Weigh</source>
        <translation>称重</translation>
    </message>
    <message>
        <source>Next carton</source>
        <translation>下一箱</translation>
    </message>
    <message>
        <source>Close carton</source>
        <translation>封箱</translation>
    </message>
    <message>
        <source>Lead override</source>
        <translation>组长授权</translation>
    </message>
    <message>
        <source>Reprint label</source>
        <translation>重印标签</translation>
    </message>
    <message>
        <source>Printer…</source>
        <translation>打印机…</translation>
    </message>
    <message>
        <source>Order packed</source>
        <translation>订单已包装</translation>
    </message>
    <message>
        <source>{count} carton(s) · tracking {tracking}</source>
        <translation>{count} 箱 · 运单号 {tracking}</translation>
    </message>
    <message>
        <source>No carton open</source>
        <translation>没有打开的箱子</translation>
    </message>
    <message>
        <source>Carton {n}</source>
        <translation>第 {n} 箱</translation>
    </message>
    <message>
        <source>{items} items · expected {kg:.3f} kg</source>
        <translation>{items} 件 · 预期 {kg:.3f} kg</translation>
    </message>
</context>
<context>
    <name>ClerkHome</name>
    <message>
        <source>Receive</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移库</translation>
    </message>
</context>
<context>
    <name>CountPage</name>
    <message>
        <source>Scan a location</source>
        <translation>请扫描库位</translation>
    </message>
    <message>
        <source> · lot {lot}</source>
        <translation> · 批次 {lot}</translation>
    </message>
    <message>
        <source>No count tasks open. Scan any location to count it.</source>
        <translation>没有待盘点任务。扫描任意库位即可盘点。</translation>
    </message>
    <message>
        <source>Next: {locations}</source>
        <translation>下一个：{locations}</translation>
    </message>
    <message>
        <source> (+{more} more)</source>
        <translation>（另有 {more} 个）</translation>
    </message>
    <message>
        <source>Unplanned count</source>
        <translation>计划外盘点</translation>
    </message>
    <message>
        <source>Second count (task {task})</source>
        <translation>第二次盘点（任务 {task}）</translation>
    </message>
    <message>
        <source> — you made the first: ask another clerk if you can</source>
        <translation> — 第一次由您盘点：如可能请另一位库管员盘点</translation>
    </message>
    <message>
        <source>Count task {task}</source>
        <translation>盘点任务 {task}</translation>
    </message>
    <message>
        <source>{units} unit(s) counted. C:CONFIRM records the count.</source>
        <translation>已盘点 {units} 件。扫描 C:CONFIRM 保存盘点。</translation>
    </message>
    <message>
        <source>Scan each unit, or scan once and type how many. C:CLOSE when done.</source>
        <translation>逐件扫描，或扫描一次后输入数量。完成后扫描 C:CLOSE。</translation>
    </message>
</context>
<context>
    <name>CountSchedule</name>
    <message>
        <source>From location</source>
        <translation>起始库位</translation>
    </message>
    <message>
        <source>to location</source>
        <translation>到库位</translation>
    </message>
    <message>
        <source>Schedule counts</source>
        <translation>安排盘点</translation>
    </message>
    <message>
        <source>Schedule today&apos;s ABC counts</source>
        <translation>安排今天的 ABC 盘点</translation>
    </message>
    <message>
        <source>Today: {added} new count task(s) · {due} location(s) due (A {a} · B {b} · C {c})</source>
        <translation>今天：新建 {added} 个盘点任务 · 应盘 {due} 个库位（A {a} · B {b} · C {c}）</translation>
    </message>
    <message>
        <source>{added} new task(s), {total} location(s)</source>
        <translation>新建 {added} 个任务，共 {total} 个库位</translation>
    </message>
</context>
<context>
    <name>CountTexts</name>
    <message>
        <source>Scan the location to count (L: label).</source>
        <translation>请扫描要盘点的库位（L: 标签）。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>Scan the location first (L: label).</source>
        <translation>请先扫描库位（L: 标签）。</translation>
    </message>
    <message>
        <source>Count {location}: scan every product there, one unit per scan.</source>
        <translation>盘点 {location}：扫描该处每件商品，每次扫描计一件。</translation>
    </message>
    <message>
        <source>COUNT AGAIN: {location}. Scan every product there, one unit per scan.</source>
        <translation>重新盘点：{location}。扫描该处每件商品，每次扫描计一件。</translation>
    </message>
    <message>
        <source>{location} is not a location. Scan the location&apos;s label.</source>
        <translation>{location} 不是库位。请扫描库位标签。</translation>
    </message>
    <message>
        <source>Finish {location} first: C:CLOSE to end the count, or C:CANCEL to drop it.</source>
        <translation>请先完成 {location}：扫描 C:CLOSE 结束盘点，或扫描 C:CANCEL 放弃。</translation>
    </message>
    <message>
        <source>{name}: {counted}</source>
        <translation>{name}：{counted}</translation>
    </message>
    <message>
        <source>UNKNOWN PRODUCT {code}. Put it aside for a lead.</source>
        <translation>未知商品 {code}。请放在一边交给组长。</translation>
    </message>
    <message>
        <source>{sku} has lots: scan the label with the lot (GS1).</source>
        <translation>{sku} 有批次：请扫描带批次的标签（GS1）。</translation>
    </message>
    <message>
        <source>Scan a product, then type how many.</source>
        <translation>请先扫描商品，再输入数量。</translation>
    </message>
    <message>
        <source>Type a number from 1 to {most}.</source>
        <translation>请输入 1 到 {most} 之间的数字。</translation>
    </message>
    <message>
        <source>Taken back: {units} × {sku}.</source>
        <translation>已撤回：{units} × {sku}。</translation>
    </message>
    <message>
        <source>Nothing to take back.</source>
        <translation>没有可撤回的扫描。</translation>
    </message>
    <message>
        <source>Is this all of {location}? C:CONFIRM to record, C:UNDO to go on.</source>
        <translation>{location} 全部盘点完了吗？扫描 C:CONFIRM 保存，扫描 C:UNDO 继续盘点。</translation>
    </message>
    <message>
        <source>Go on counting.</source>
        <translation>继续盘点。</translation>
    </message>
    <message>
        <source>C:CLOSE first, then C:CONFIRM.</source>
        <translation>请先扫描 C:CLOSE，再扫描 C:CONFIRM。</translation>
    </message>
    <message>
        <source>SAVED: {location}, {units} unit(s). Scan the next location.</source>
        <translation>已保存：{location}，{units} 件。请扫描下一个库位。</translation>
    </message>
    <message>
        <source>Count dropped. Scan a location.</source>
        <translation>已放弃本次盘点。请扫描库位。</translation>
    </message>
    <message>
        <source>C:CONFIRM to record, or C:UNDO to go on counting.</source>
        <translation>扫描 C:CONFIRM 保存，或扫描 C:UNDO 继续盘点。</translation>
    </message>
    <message>
        <source>{code} is not a product. Scan the product&apos;s barcode.</source>
        <translation>{code} 不是商品。请扫描商品条码。</translation>
    </message>
    <message>
        <source>Bad barcode: {error}</source>
        <translation>条码错误：{error}</translation>
    </message>
    <message>
        <source>C:{command} does nothing here.</source>
        <translation>C:{command} 在此无效。</translation>
    </message>
    <message>
        <source>NOT SAVED: {error}. Close the count again.</source>
        <translation>未保存：{error}。请重新结束盘点。</translation>
    </message>
    <message>
        <source>Could not check: {error}. Scan again.</source>
        <translation>无法核对：{error}。请重新扫描。</translation>
    </message>
</context>
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
    <name>DispatchTab</name>
    <message>
        <source>Carrier to close (code or name)</source>
        <translation>要截单的承运商（代码或名称）</translation>
    </message>
    <message>
        <source>Close carrier</source>
        <translation>承运商截单</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>{carrier} closed: manifest {manifest}, {parcels} parcels ({kg} kg), {orders} orders shipped, {left} left behind (see Exceptions).</source>
        <translation>{carrier} 已截单：交接清单 {manifest}，{parcels} 个包裹（{kg} 千克），{orders} 个订单已发货，{left} 个遗留（见异常）。</translation>
    </message>
    <message>
        <source>Manifest: {path}</source>
        <translation>交接清单：{path}</translation>
    </message>
</context>
<context>
    <name>ExceptionsTab</name>
    <message>
        <source>Note (why, what you checked)</source>
        <translation>备注（原因，检查了什么）</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>All problems ({n})</source>
        <translation>全部问题（{n}）</translation>
    </message>
    <message>
        <source>{n} open problem(s)</source>
        <translation>{n} 个待处理问题</translation>
    </message>
</context>
<context>
    <name>KpisTab</name>
    <message>
        <source>Shift (8 h)</source>
        <translation>本班（8 小时）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>Show range</source>
        <translation>显示区间</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>vs standard</source>
        <translation>对标准</translation>
    </message>
    <message>
        <source>All warehouses</source>
        <translation>所有仓库</translation>
    </message>
    <message>
        <source>Lines picked</source>
        <translation>已拣行数</translation>
    </message>
    <message>
        <source>Lines per picker-hour</source>
        <translation>每拣货员小时行数</translation>
    </message>
    <message>
        <source>Mis-scans per 1,000 scans</source>
        <translation>每 1,000 次扫描的错扫数</translation>
    </message>
    <message>
        <source>Import → shipped, median (h)</source>
        <translation>导入 → 发货，中位数（小时）</translation>
    </message>
    <message>
        <source>Import → shipped, p90 (h)</source>
        <translation>导入 → 发货，p90（小时）</translation>
    </message>
    <message>
        <source>Orders shipped</source>
        <translation>已发货订单</translation>
    </message>
    <message>
        <source>Shipped by cut-off</source>
        <translation>截单前发货</translation>
    </message>
    <message>
        <source>Walking saved vs S-shape</source>
        <translation>比 S 形路线少走</translation>
    </message>
    <message>
        <source>Pick lists</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <source>{metres:,.0f} m ({percent})</source>
        <translation>{metres:,.0f} 米（{percent}）</translation>
    </message>
    <message>
        <source>{on_time} of {due}</source>
        <translation>{due} 单中 {on_time} 单</translation>
    </message>
    <message>
        <source>Export KPIs</source>
        <translation>导出 KPI</translation>
    </message>
    <message>
        <source>Mis-scans
{value} per 1,000 scans
({n} scans)</source>
        <translation>误扫
每千次扫描 {value} 次
（共 {n} 次扫描）</translation>
    </message>
    <message>
        <source>Import → shipped
median {median} h · p90 {p90} h
({n} orders)</source>
        <translation>导入 → 发货
中位数 {median} 小时 · p90 {p90} 小时
（{n} 个订单）</translation>
    </message>
    <message>
        <source>Walking saved vs S-shape
{metres:,.0f} m ({percent})
({n} pick lists)</source>
        <translation>相比 S 形路线节省步行
{metres:,.0f} 米（{percent}）
（{n} 张拣货单）</translation>
    </message>
    <message>
        <source>Shipped by cut-off
{on_time} of {due} due</source>
        <translation>截单前发货
到期 {due} 个中 {on_time} 个</translation>
    </message>
    <message>
        <source>Orders due and shipped on time</source>
        <translation>到期订单与按时发货</translation>
    </message>
    <message>
        <source>due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>shipped on time</source>
        <translation>按时发货</translation>
    </message>
</context>
<context>
    <name>LeadColumns</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>List</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>波次</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>预计完成</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>拣货单数</translation>
    </message>
    <message>
        <source>Pickers</source>
        <translation>拣货员数</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>拣货车</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>步行</translation>
    </message>
    <message>
        <source>S-shape</source>
        <translation>S 形</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Load units</source>
        <translation>装载单元</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>已装载</translation>
    </message>
    <message>
        <source>Not loaded yet</source>
        <translation>尚未装载</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Cut-offs</source>
        <translation>截单时间</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>位数</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最后一个</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>对接</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>上次送达</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最后错误</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Lot / serial</source>
        <translation>批次/序列号</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>货品</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>退货授权</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Picks</source>
        <translation>拣货次数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Swaps with</source>
        <translation>与之互换</translation>
    </message>
    <message>
        <source>Saves (m)</source>
        <translation>节省（米）</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>建立方</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Pick face</source>
        <translation>拣货位</translation>
    </message>
</context>
<context>
    <name>LeadExceptions</name>
    <message>
        <source>Short pick</source>
        <translation>缺货拣选</translation>
    </message>
    <message>
        <source>Packing mismatch</source>
        <translation>打包不符</translation>
    </message>
    <message>
        <source>Packing override</source>
        <translation>打包强制放行</translation>
    </message>
    <message>
        <source>Printer failure</source>
        <translation>打印机故障</translation>
    </message>
    <message>
        <source>Late order</source>
        <translation>逾期订单</translation>
    </message>
    <message>
        <source>Will be late</source>
        <translation>将会延误</translation>
    </message>
    <message>
        <source>Numbers running low</source>
        <translation>号码即将用完</translation>
    </message>
    <message>
        <source>Order on hold</source>
        <translation>暂停的订单</translation>
    </message>
    <message>
        <source>Parcel weight off</source>
        <translation>包裹重量不符</translation>
    </message>
    <message>
        <source>Serial number packed twice</source>
        <translation>序列号重复装箱</translation>
    </message>
    <message>
        <source>Tote used twice</source>
        <translation>周转箱重复使用</translation>
    </message>
    <message>
        <source>Picked offline after reassignment</source>
        <translation>改派后离线拣货</translation>
    </message>
    <message>
        <source>Station record not applied</source>
        <translation>工作站记录未能应用</translation>
    </message>
    <message>
        <source>PIN locked (wrong PINs)</source>
        <translation>PIN 已锁定（多次输错）</translation>
    </message>
    <message>
        <source>Waiting for stock</source>
        <translation>等待库存</translation>
    </message>
    <message>
        <source>Picked for a cancelled wave</source>
        <translation>为已取消波次拣的货</translation>
    </message>
    <message>
        <source>Parcel left behind</source>
        <translation>包裹遗留</translation>
    </message>
    <message>
        <source>Loaded, order on hold</source>
        <translation>已装载，订单已暂停</translation>
    </message>
    <message>
        <source>Loaded, order cancelled</source>
        <translation>已装载，订单已取消</translation>
    </message>
    <message>
        <source>Parcel on two units</source>
        <translation>包裹在两个装载单元上</translation>
    </message>
    <message>
        <source>Parcel on wrong unit</source>
        <translation>包裹装错单元</translation>
    </message>
    <message>
        <source>Loaded after close</source>
        <translation>截单后装载</translation>
    </message>
    <message>
        <source>Unloaded after close</source>
        <translation>截单后卸下</translation>
    </message>
    <message>
        <source>Unknown parcel loaded</source>
        <translation>装载了未知包裹</translation>
    </message>
    <message>
        <source>Receipt differences</source>
        <translation>收货差异</translation>
    </message>
    <message>
        <source>Unknown receipt</source>
        <translation>未知收货单</translation>
    </message>
    <message>
        <source>Returned item flagged</source>
        <translation>退货货品有标记</translation>
    </message>
    <message>
        <source>Return of an unknown order</source>
        <translation>未知订单的退货</translation>
    </message>
    <message>
        <source>Return undo not carried out</source>
        <translation>退货撤销未执行</translation>
    </message>
    <message>
        <source>Stock moved that was not free: count</source>
        <translation>移走了不可用库存：请盘点</translation>
    </message>
    <message>
        <source>Count variance</source>
        <translation>盘点差异</translation>
    </message>
    <message>
        <source>Count of an unknown location</source>
        <translation>未知库位的盘点</translation>
    </message>
    <message>
        <source>Pick from another location</source>
        <translation>从其他库位拣货</translation>
    </message>
    <message>
        <source>Backorder the rest</source>
        <translation>剩余数量延期交货</translation>
    </message>
    <message>
        <source>Mark damaged (write off)</source>
        <translation>标记破损（报废）</translation>
    </message>
    <message>
        <source>Cancel the missing units</source>
        <translation>取消缺少的数量</translation>
    </message>
    <message>
        <source>Checked, close it</source>
        <translation>已检查，关闭</translation>
    </message>
    <message>
        <source>Make it urgent</source>
        <translation>设为加急</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Release for allocation</source>
        <translation>放行，重新分配库存</translation>
    </message>
    <message>
        <source>Apply it again</source>
        <translation>重新应用</translation>
    </message>
    <message>
        <source>Unlock the PIN now</source>
        <translation>立即解锁 PIN</translation>
    </message>
    <message>
        <source>Allocate it now</source>
        <translation>立即分配</translation>
    </message>
    <message>
        <source>Ship with the next collection</source>
        <translation>随下一次揽收发货</translation>
    </message>
    <message>
        <source>Parcel pulled off the unit</source>
        <translation>包裹已从单元取下</translation>
    </message>
    <message>
        <source>Approve: set stock to the second count</source>
        <translation>批准：按第二次盘点设置库存</translation>
    </message>
    <message>
        <source>Count it again</source>
        <translation>重新盘点</translation>
    </message>
</context>
<context>
    <name>LeadHome</name>
    <message>
        <source>Wave released to the floor.</source>
        <translation>波次已下发到现场。</translation>
    </message>
    <message>
        <source>{n} pick list(s) reassigned.</source>
        <translation>已重新分配 {n} 张拣货单。</translation>
    </message>
    <message>
        <source>{n} pick list(s) back in the pool.</source>
        <translation>{n} 张拣货单已退回待领取。</translation>
    </message>
    <message>
        <source>Wave on hold: no station is offered its lists.</source>
        <translation>波次已暂停：不再向任何工位提供其拣货单。</translation>
    </message>
    <message>
        <source>Wave resumed.</source>
        <translation>波次已恢复。</translation>
    </message>
    <message>
        <source>{n} order(s) joined wave {wave}: +{added} m walking (on carts of their own {own} m); {waiting} wait for the next wave.</source>
        <translation>{n} 个订单加入波次 {wave}：多走 {added} 米（单独装车需 {own} 米）；{waiting} 个订单等下一个波次。</translation>
    </message>
    <message>
        <source>Wave {wave} re-balanced: walking saved {saved} m ({pct} %).</source>
        <translation>波次 {wave} 已重新均衡：少走 {saved} 米（{pct} %）。</translation>
    </message>
    <message>
        <source>Wave cancelled; {n} order(s) gave their stock back.</source>
        <translation>波次已取消；{n} 个订单已释放库存。</translation>
    </message>
    <message>
        <source>Resolved: {outcome}</source>
        <translation>已处理：{outcome}</translation>
    </message>
    <message>
        <source>{carrier} closed: manifest {manifest}.</source>
        <translation>{carrier} 已截单：交接清单 {manifest}。</translation>
    </message>
    <message>
        <source>Message due again: sent soon.</source>
        <translation>消息已重新排队：即将发送。</translation>
    </message>
    <message>
        <source>Message dropped.</source>
        <translation>消息已放弃。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>on another wave</source>
        <translation>已在另一波次</translation>
    </message>
    <message>
        <source>reservation changed</source>
        <translation>预留已变更</translation>
    </message>
    <message>
        <source>{orders} and {n} more</source>
        <translation>{orders} 等另外 {n} 个</translation>
    </message>
    <message>
        <source>Wave {wave} released to the floor with {n} order(s). Left out, changed since the preview: {orders}.</source>
        <translation>波次 {wave} 已下发到现场，共 {n} 个订单。自预览以来有变化而未纳入：{orders}。</translation>
    </message>
    <message>
        <source>That message is no longer parked.</source>
        <translation>该消息已不在搁置中。</translation>
    </message>
    <message>
        <source>Warehouse (Alt+W): every tab shows its work</source>
        <translation>仓库（Alt+W）：每个标签页都显示该仓库的工作</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Waves</source>
        <translation>波次</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Exceptions ({n})</source>
        <translation>异常（{n}）</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Order lookup</source>
        <translation>订单查询</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>发运</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Stations ({n} offline)</source>
        <translation>工作站（{n} 个离线）</translation>
    </message>
</context>
<context>
    <name>LeadLinks</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>LeadSettings</name>
    <message>
        <source>LOW: {n}</source>
        <translation>不足：{n}</translation>
    </message>
</context>
<context>
    <name>LeadStatus</name>
    <message>
        <source>planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <source>on hold</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>released</source>
        <translation>已下发</translation>
    </message>
</context>
<context>
    <name>LeadTimeline</name>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Stock reserved</source>
        <translation>已预留库存</translation>
    </message>
    <message>
        <source>Released to the floor</source>
        <translation>已下发到现场</translation>
    </message>
    <message>
        <source>Picking started</source>
        <translation>开始拣货</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Pick (still open)</source>
        <translation>拣货（未完成）</translation>
    </message>
    <message>
        <source>Item packed</source>
        <translation>商品已装箱</translation>
    </message>
    <message>
        <source>Carton closed</source>
        <translation>纸箱已封箱</translation>
    </message>
    <message>
        <source>Lead override at packing</source>
        <translation>包装台组长授权</translation>
    </message>
    <message>
        <source>Label printed</source>
        <translation>面单已打印</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>发运</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Lead decision</source>
        <translation>班组长处理</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>波次</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>发运</translation>
    </message>
    <message>
        <source>Set-up</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>LinesTable</name>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>已装</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>⚠ {picked} picked</source>
        <translation>⚠ 已拣 {picked}</translation>
    </message>
    <message>
        <source>⌨ type the count</source>
        <translation>⌨ 输入数量</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>LinksSection</name>
    <message>
        <source>Shop and ERP links</source>
        <translation>网店与 ERP 对接</translation>
    </message>
    <message>
        <source>No shop or ERP links are set up. Set them with: {command}</source>
        <translation>尚未设置网店或 ERP 对接。设置命令：{command}</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Drop the {kind} message of order {order} for {link}? It will not be sent again.</source>
        <translation>放弃订单 {order} 发往 {link} 的 {kind} 消息？它将不会再发送。</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
</context>
<context>
    <name>LoaderHome</name>
    <message>
        <source>No load unit yet</source>
        <translation>尚未扫描装载单元</translation>
    </message>
    <message>
        <source>{unit}: carrier?</source>
        <translation>{unit}：承运商？</translation>
    </message>
    <message>
        <source>{unit} → {carrier}</source>
        <translation>{unit} → {carrier}</translation>
    </message>
    <message>
        <source>Loaded here: {count}</source>
        <translation>本站已装载：{count}</translation>
    </message>
    <message>
        <source>{order} · carton {carton}/{cartons}</source>
        <translation>{order} · 第 {carton}/{cartons} 箱</translation>
    </message>
    <message>
        <source>Still missing: carton {cartons}</source>
        <translation>仍缺：第 {cartons} 箱</translation>
    </message>
    <message>
        <source>TAKING OFF: scan the parcel</source>
        <translation>卸下：请扫描包裹</translation>
    </message>
</context>
<context>
    <name>LoaderTexts</name>
    <message>
        <source>Scan a cage, pallet or trailer (U: label).</source>
        <translation>请扫描笼车、托盘或挂车（U: 标签）。</translation>
    </message>
    <message>
        <source>Looking up {unit}…</source>
        <translation>正在查询 {unit}…</translation>
    </message>
    <message>
        <source>Checking {code}…</source>
        <translation>正在核对 {code}…</translation>
    </message>
    <message>
        <source>Scan the load unit first (cage, pallet or trailer: U: label).</source>
        <translation>请先扫描装载单元（笼车、托盘或挂车：U: 标签）。</translation>
    </message>
    <message>
        <source>{unit} is free: scan the carrier&apos;s code (CARRIER: on the dock sheet).</source>
        <translation>{unit} 尚未绑定：请扫描承运商代码（月台条码表上的 CARRIER:）。</translation>
    </message>
    <message>
        <source>{unit} goes with {carrier}. Scan the parcels.</source>
        <translation>{unit} 属于 {carrier}。请扫描包裹。</translation>
    </message>
    <message>
        <source>{unit} goes with {carrier} today. Use another unit for this carrier.</source>
        <translation>{unit} 今天属于 {carrier}。请为此承运商使用另一个装载单元。</translation>
    </message>
    <message>
        <source>LOADED {order} carton {carton}. Still missing: carton {missing}.</source>
        <translation>已装载 {order} 第 {carton} 箱。仍缺：第 {missing} 箱。</translation>
    </message>
    <message>
        <source>LOADED {order} carton {carton}. Order complete.</source>
        <translation>已装载 {order} 第 {carton} 箱。订单已齐。</translation>
    </message>
    <message>
        <source>TAKEN OFF {order} carton {carton} from {unit}.</source>
        <translation>已从 {unit} 卸下 {order} 第 {carton} 箱。</translation>
    </message>
    <message>
        <source>Scan the parcel to take off the unit (C:CANCEL to stop).</source>
        <translation>请扫描要卸下的包裹（扫 C:CANCEL 取消）。</translation>
    </message>
    <message>
        <source>Nothing taken off. Go on loading.</source>
        <translation>未卸下任何包裹。请继续装载。</translation>
    </message>
    <message>
        <source>{order} carton {carton} is not on a unit: nothing to take off.</source>
        <translation>{order} 第 {carton} 箱不在任何装载单元上：无需卸下。</translation>
    </message>
    <message>
        <source>UNKNOWN PARCEL {code}. Put it aside for a lead.</source>
        <translation>未知包裹 {code}。请放到一边交给班组长。</translation>
    </message>
    <message>
        <source>WRONG CARRIER: {order} goes with {its_carrier}, this unit with {carrier}. Take it to the {its_carrier} unit.</source>
        <translation>承运商不符：{order} 属于 {its_carrier}，此单元属于 {carrier}。请送到 {its_carrier} 的装载单元。</translation>
    </message>
    <message>
        <source>ALREADY LOADED: {order} carton {carton} is on {unit}.</source>
        <translation>已装载过：{order} 第 {carton} 箱在 {unit} 上。</translation>
    </message>
    <message>
        <source>{order} carton {carton} left with its carrier already. Call a lead.</source>
        <translation>{order} 第 {carton} 箱已随承运商发出。请联系班组长。</translation>
    </message>
    <message>
        <source>PULL THIS PARCEL: order {order} is on hold. Take it to the lead.</source>
        <translation>请取下此包裹：订单 {order} 已暂停。请交给班组长。</translation>
    </message>
    <message>
        <source>PULL THIS PARCEL: order {order} was cancelled. Take it to the lead.</source>
        <translation>请取下此包裹：订单 {order} 已取消。请交给班组长。</translation>
    </message>
    <message>
        <source>{order} is not packed yet. Take the parcel back to packing.</source>
        <translation>{order} 尚未打包完成。请将包裹送回打包区。</translation>
    </message>
    <message>
        <source>{order} carton {carton} is awaiting label: not labelled yet. Keep it at packing until its carrier label prints.</source>
        <translation>{order} 第 {carton} 箱正在等待面单：尚未贴标。请留在打包区，直到承运商面单打印出来。</translation>
    </message>
    <message>
        <source>{code} is not a parcel label. Scan the SSCC or tracking barcode.</source>
        <translation>{code} 不是包裹标签。请扫描 SSCC 或运单号条码。</translation>
    </message>
    <message>
        <source>Bad barcode: {error}</source>
        <translation>条码错误：{error}</translation>
    </message>
    <message>
        <source>NOT SAVED: {error}. Scan the parcel again.</source>
        <translation>未保存：{error}。请重新扫描包裹。</translation>
    </message>
    <message>
        <source>Could not check: {error}. Scan again.</source>
        <translation>无法核对：{error}。请重新扫描。</translation>
    </message>
</context>
<context>
    <name>LookupTab</name>
    <message>
        <source>Scan a tote or type CHANNEL/ORDER_ID</source>
        <translation>扫描周转箱或输入 渠道/订单号</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Order {order} is not reserved in any warehouse yet.</source>
        <translation>订单 {order} 尚未在任何仓库预留库存。</translation>
    </message>
    <message>
        <source>Order {order} is at {warehouse}, not at {chosen}: its work is {warehouse}&apos;s.</source>
        <translation>订单 {order} 在 {warehouse}，不在 {chosen}：由 {warehouse} 处理。</translation>
    </message>
    <message>
        <source>Order {order} is at {warehouse}.</source>
        <translation>订单 {order} 在 {warehouse}。</translation>
    </message>
    <message>
        <source>Order {order} — now {status} — {n} steps</source>
        <translation>订单 {order} — 当前 {status} — 共 {n} 步</translation>
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
    <name>Messages</name>
    <message>
        <source>Badge {badge} is not known. Ask your shift lead to register it.</source>
        <translation>工牌 {badge} 未登记。请联系班组长登记。</translation>
    </message>
    <message>
        <source>Badge {badge} is not known at this station, and the central database cannot be reached to check it. If it was registered just now, try again once the network is back; otherwise ask your shift lead.</source>
        <translation>工牌 {badge} 在本工作站未登记，且无法连接中央数据库核对。如果刚刚登记，请在网络恢复后重试；否则请联系班组长。</translation>
    </message>
    <message>
        <source>{name}: enter your PIN.</source>
        <translation>{name}：请输入 PIN 码。</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>PIN 码错误，请重试。</translation>
    </message>
    <message>
        <source>{name} is a {role}; only a shift lead may do this</source>
        <translation>{name} 的角色是 {role}；只有班组长可以执行此操作</translation>
    </message>
    <message>
        <source>badge and PIN do not match a shift lead</source>
        <translation>工牌和 PIN 码与任何班组长都不匹配</translation>
    </message>
    <message>
        <source>{name}: PIN locked after too many wrong PINs; try again in {minutes} min or ask another lead to unlock it</source>
        <translation>{name}：PIN 错误次数过多，已锁定；请 {minutes} 分钟后再试，或请另一位主管解锁</translation>
    </message>
    <message>
        <source>Tote {tote} holds no order. Scan another tote or the order.</source>
        <translation>周转箱 {tote} 中没有订单。请扫描其他周转箱或订单。</translation>
    </message>
    <message>
        <source>Pick list barcode {code}: expected PL: and a number</source>
        <translation>拣货单条码 {code} 无效：应为 PL: 加数字</translation>
    </message>
    <message>
        <source>Pick list {number} has no order left to pack.</source>
        <translation>拣货单 {number} 已没有待打包的订单。</translation>
    </message>
    <message>
        <source>{code} is not a tote, order or pick list. Scan the tote label.</source>
        <translation>{code} 不是周转箱、订单或拣货单。请扫描周转箱标签。</translation>
    </message>
    <message>
        <source>This scan is not a tote, order or pick list. Scan the tote label.</source>
        <translation>此次扫描不是周转箱、订单或拣货单。请扫描周转箱标签。</translation>
    </message>
    <message>
        <source>{code}: not among the orders this station has ready to pack, and central cannot be reached (offline). Pack another tote now; scan this one again when the bottom bar shows Online, or check that it is the tote&apos;s label.</source>
        <translation>{code}：不在本工作站的待打包订单中，且无法连接中央数据库（离线）。请先打包其他周转箱；底部状态栏显示“在线”后再扫描此周转箱，或确认扫描的是周转箱标签。</translation>
    </message>
    <message>
        <source>This station has no SSCC (carton label) numbers left and cannot reach central to get more. Keep the carton open and close it when the bottom bar shows Online again, or ask a lead to have it closed on another packing station.</source>
        <translation>本工作站的 SSCC（箱标）号码已用完，且无法连接中央数据库获取新号码。请保持纸箱打开，待底部状态栏重新显示“在线”后再封箱，或请班组长安排在其他打包工位封箱。</translation>
    </message>
    <message>
        <source>This station has no tracking ({carrier}) numbers left and cannot reach central to get more. Keep the carton open and close it when the bottom bar shows Online again, or ask a lead to have it closed on another packing station.</source>
        <translation>本工作站的运单号（{carrier}）已用完，且无法连接中央数据库获取新号码。请保持纸箱打开，待底部状态栏重新显示“在线”后再封箱，或请班组长安排在其他打包工位封箱。</translation>
    </message>
    <message>
        <source>an override needs a reason</source>
        <translation>强制放行必须填写原因</translation>
    </message>
    <message>
        <source>tracking series {prefix}: number {number} does not fit in {digits} digits; ask the carrier for a new range and set a new prefix</source>
        <translation>运单号段 {prefix}：号码 {number} 超出 {digits} 位；请向承运商申请新的号段并设置新前缀</translation>
    </message>
    <message>
        <source>tracking series prefix &apos;{prefix}&apos;: use letters and digits only</source>
        <translation>运单号段前缀“{prefix}”：只能使用字母和数字</translation>
    </message>
    <message>
        <source>GS1 company prefix &apos;{prefix}&apos;: must be 4 to 12 digits</source>
        <translation>GS1 厂商识别代码“{prefix}”：必须是 4 到 12 位数字</translation>
    </message>
    <message>
        <source>SSCC extension digit &apos;{digit}&apos;: must be one digit 0-9</source>
        <translation>SSCC 扩展位“{digit}”：必须是 0-9 中的一位数字</translation>
    </message>
    <message>
        <source>SSCC serial {serial} does not fit beside prefix {prefix} (0..{last}); use another extension digit or company prefix</source>
        <translation>SSCC 序号 {serial} 超出前缀 {prefix} 的可用范围（0..{last}）；请使用其他扩展位或厂商识别代码</translation>
    </message>
    <message>
        <source>Carrier &apos;{carrier}&apos; is not in this site&apos;s settings. Put the tote aside; a lead adds it on the Settings tab.</source>
        <translation>承运商“{carrier}”不在本站点的设置中。请把周转箱放到一边；由班组长在“设置”页添加。</translation>
    </message>
    <message>
        <source>This site has no settings yet: nothing can be packed. A lead sets them on the Settings tab.</source>
        <translation>本站点尚未设置，无法包装。请班组长在“设置”页设置。</translation>
    </message>
    <message>
        <source>The {series} number range is used up (it ends at {last}). A lead sets a new range on the Settings tab.</source>
        <translation>{series} 号段已用完（止于 {last}）。请班组长在“设置”页设置新号段。</translation>
    </message>
    <message>
        <source>{series} numbers run low: {left} left (the range ends at {last}). Ask for a new range and set it in the site settings.</source>
        <translation>{series} 号码即将用完：剩余 {left} 个（号段止于 {last}）。请申请新号段并在站点设置中设置。</translation>
    </message>
    <message>
        <source>{field} must be text, found {found}</source>
        <translation>{field} 必须是文本，实际为 {found}</translation>
    </message>
    <message>
        <source>{field} is empty</source>
        <translation>{field} 为空</translation>
    </message>
    <message>
        <source>{field} is {length} characters long; at most {limit} are allowed</source>
        <translation>{field} 长 {length} 个字符；最多允许 {limit} 个</translation>
    </message>
    <message>
        <source>{field} contains the control character U+{codepoint} at position {position}: remove it</source>
        <translation>{field} 在第 {position} 位含有控制字符 U+{codepoint}：请删除</translation>
    </message>
    <message>
        <source>{field} {value} is not a whole number in {minimum}..{maximum}</source>
        <translation>{field} {value} 不是 {minimum}..{maximum} 之间的整数</translation>
    </message>
    <message>
        <source>{field} {value} is not a positive integer (1..{maximum})</source>
        <translation>{field} {value} 不是正整数（1..{maximum}）</translation>
    </message>
    <message>
        <source>{field} {value} is outside {minimum}..{maximum}</source>
        <translation>{field} {value} 超出 {minimum}..{maximum}</translation>
    </message>
    <message>
        <source>{field} {value} is not a number{of_unit}</source>
        <translation>{field} {value} 不是数字{of_unit}</translation>
    </message>
    <message>
        <source>{field} {value} is not a finite number{of_unit}</source>
        <translation>{field} {value} 不是有限数字{of_unit}</translation>
    </message>
    <message>
        <source>{field} {value} is not a YYYY-MM-DD date</source>
        <translation>{field} {value} 不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>{field} {value} is not an ISO date or date-time (ISO 8601)</source>
        <translation>{field} {value} 不是 ISO 日期或日期时间（ISO 8601）</translation>
    </message>
    <message>
        <source>{field} {value} is outside {earliest}..{latest}</source>
        <translation>{field} {value} 超出 {earliest}..{latest}</translation>
    </message>
    <message>
        <source>priority {value} is not one of {accepted} or a whole number {minimum}..{maximum}</source>
        <translation>优先级 {value} 不是 {accepted} 之一，也不是 {minimum}..{maximum} 之间的整数</translation>
    </message>
    <message>
        <source>{field} {value} is not one of 1/0, true/false, yes/no</source>
        <translation>{field} {value} 不是 1/0、true/false、yes/no 之一</translation>
    </message>
    <message>
        <source>not valid JSON ({detail})</source>
        <translation>不是有效的 JSON（{detail}）</translation>
    </message>
    <message>
        <source>JSON nested more than {limit} levels deep</source>
        <translation>JSON 嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>{field} must be a JSON object, found {found}</source>
        <translation>{field} 必须是 JSON 对象，实际为 {found}</translation>
    </message>
    <message>
        <source>{field} must be a list of at least {minimum}</source>
        <translation>{field} 必须是至少含 {minimum} 项的列表</translation>
    </message>
    <message>
        <source>{field} is not a setting here (known: {accepted})</source>
        <translation>{field} 不是此处的设置项（已知：{accepted}）</translation>
    </message>
    <message>
        <source>{field} {value} is not one of {accepted}</source>
        <translation>{field} {value} 不是 {accepted} 之一</translation>
    </message>
    <message>
        <source>{field} {value} must be {minimum} to {maximum} digits</source>
        <translation>{field} {value} 必须是 {minimum} 到 {maximum} 位数字</translation>
    </message>
    <message>
        <source>{field} {value}: use capital letters, digits, - and _ only</source>
        <translation>{field} {value}：只能使用大写字母、数字、- 和 _</translation>
    </message>
    <message>
        <source>{field} {value} is not a time of day HH:MM (00:00..23:59)</source>
        <translation>{field} {value} 不是 HH:MM 格式的时间（00:00..23:59）</translation>
    </message>
    <message>
        <source>{field} {value} is not a two-letter country code (ISO 3166, e.g. CN)</source>
        <translation>{field} {value} 不是两位字母的国家代码（ISO 3166，例如 CN）</translation>
    </message>
    <message>
        <source>{field} {value}: a UPU S10 number has 2 letters, 8 digits and a 2-letter country suffix</source>
        <translation>{field} {value}：UPU S10 号码由 2 个字母、8 位数字和 2 个字母的国家后缀组成</translation>
    </message>
    <message>
        <source>{field} {value} is the same as {other}</source>
        <translation>{field} {value} 与 {other} 相同</translation>
    </message>
    <message>
        <source>{field} can make the same tracking numbers as {other}</source>
        <translation>{field} 可能生成与 {other} 相同的运单号</translation>
    </message>
    <message>
        <source>{field} {value} is not an http:// or https:// address</source>
        <translation>{field} {value} 不是 http:// 或 https:// 地址</translation>
    </message>
    <message>
        <source>{field} {value} is not an amount like 1250.50 (at most 2 decimals, no thousands separator)</source>
        <translation>{field} {value} 不是 1250.50 这样的金额（最多 2 位小数，不用千位分隔符）</translation>
    </message>
    <message>
        <source>{field} {value} is not a list of at most {limit} terms (e.g. ship_complete;cod)</source>
        <translation>{field} {value} 不是最多 {limit} 个条款的列表（例如 ship_complete;cod）</translation>
    </message>
    <message>
        <source>{field}: some lines have a unit_price and some do not; price every line or none</source>
        <translation>{field}：部分订单行有 unit_price，部分没有；请所有行都填单价，或都不填</translation>
    </message>
    <message>
        <source>Carrier {carrier} cannot be reached now. The carton waits for its label, which prints by itself once the carrier answers; go on packing.</source>
        <translation>暂时无法连接承运商 {carrier}。纸箱等待面单，承运商恢复应答后面单会自动打印；请继续包装。</translation>
    </message>
    <message>
        <source>Carrier {carrier} refused the label: {reason}. Fix this (address, weight), then close the carton again, or ask a lead.</source>
        <translation>承运商 {carrier} 拒绝出面单：{reason}。请先更正（地址、重量）后重新封箱，或联系班组长。</translation>
    </message>
    <message>
        <source>Carrier {carrier} sells its labels through its API, but this station has no key for it. Set {where} on the station, then close the carton again.</source>
        <translation>承运商 {carrier} 通过其接口出售面单，但本工作站没有它的密钥。请在工作站上设置 {where}，然后再次封箱。</translation>
    </message>
    <message>
        <source>central cannot be reached to claim a new pick list</source>
        <translation>无法连接中央数据库，不能领取新的拣货单</translation>
    </message>
    <message>
        <source>Central has not answered for a new pick list yet. Try again in a minute; if it keeps happening, tell your shift lead: the central fact applier may be stopped.</source>
        <translation>中央系统尚未分配新的拣货单。请一分钟后再试；如果仍然如此，请告知班组长：中央事实处理程序可能已停止。</translation>
    </message>
    <message>
        <source>order {ref}: write it as CHANNEL/ORDER_ID, e.g. webshop/SO-1001</source>
        <translation>订单 {ref}：请写成 渠道/订单号，例如 webshop/SO-1001</translation>
    </message>
    <message>
        <source>order {ref} does not exist</source>
        <translation>订单 {ref} 不存在</translation>
    </message>
    <message>
        <source>an order cannot go from {old} to {new}</source>
        <translation>订单不能从 {old} 变为 {new}</translation>
    </message>
    <message>
        <source>wave {wave} cancelled</source>
        <translation>波次 {wave} 已取消</translation>
    </message>
    <message>
        <source>order {order} is on wave {wave}, already released to the floor: cancel or hold that wave on the Board tab first</source>
        <translation>订单 {order} 在波次 {wave} 中，该波次已下发到现场：请先在看板页取消或暂停该波次</translation>
    </message>
    <message>
        <source>order {order} is on wave {wave}, whose picker has started its cart: hold the wave on the Board tab instead</source>
        <translation>订单 {order} 在波次 {wave} 中，拣货员已开始拣该拣货车：请改为在看板页暂停该波次</translation>
    </message>
    <message>
        <source>no single order matches {text}: scan the tote or type CHANNEL/ORDER_ID</source>
        <translation>没有唯一匹配 {text} 的订单：请扫描周转箱或输入 渠道/订单号</translation>
    </message>
    <message>
        <source>address incomplete: {field} is empty</source>
        <translation>地址不完整：{field} 为空</translation>
    </message>
    <message>
        <source>address undeliverable: we do not ship to {country}</source>
        <translation>地址无法送达：我们不向 {country} 发货</translation>
    </message>
    <message>
        <source>address undeliverable: postal code &apos;{postal_code}&apos; is not valid for {country}</source>
        <translation>地址无法送达：邮编“{postal_code}”不符合 {country} 的格式</translation>
    </message>
    <message>
        <source>blocked customer ({key} {value})</source>
        <translation>黑名单客户（{key} {value}）</translation>
    </message>
    <message>
        <source>blocked customer ({key} {value}): {why}</source>
        <translation>黑名单客户（{key} {value}）：{why}</translation>
    </message>
    <message>
        <source>quantity {quantity} of {sku} is above the limit of {limit}</source>
        <translation>{sku} 的数量 {quantity} 超过上限 {limit}</translation>
    </message>
    <message>
        <source>{sku} needs special handling: {what}</source>
        <translation>{sku} 需要特殊处理：{what}</translation>
    </message>
    <message>
        <source>customer {customer} is unknown: import the customers file, then release the order</source>
        <translation>客户 {customer} 未知：请先导入客户文件，再释放该订单</translation>
    </message>
    <message>
        <source>customer {customer} ({name}) is blocked</source>
        <translation>客户 {customer}（{name}）已被冻结</translation>
    </message>
    <message>
        <source>customer {customer}: credit limit {limit} {currency} exceeded by {over}</source>
        <translation>客户 {customer}：超出信用额度 {limit} {currency}，超出 {over}</translation>
    </message>
    <message>
        <source>cannot allocate: {lines}</source>
        <translation>无法分配库存：{lines}</translation>
    </message>
    <message>
        <source>{sku}: short {short} of {needed}</source>
        <translation>{sku}：需要 {needed}，缺 {short}</translation>
    </message>
    <message>
        <source>ship by {ship_by}</source>
        <translation>最晚发货 {ship_by}</translation>
    </message>
    <message>
        <source>will miss its ship-by {ship_by}: predicted to ship {predicted}</source>
        <translation>将错过发货期限 {ship_by}：预计 {predicted} 发出</translation>
    </message>
    <message>
        <source>{sku} at {location}: {shortfall} missing</source>
        <translation>{sku} 在 {location}：缺 {shortfall} 件</translation>
    </message>
    <message>
        <source>{sku} at {location}: {shortfall} missing ({reason})</source>
        <translation>{sku} 在 {location}：缺 {shortfall} 件（{reason}）</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>库位为空</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>wrong item</source>
        <translation>库位商品不符</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <source>{summary}, reported by {user}</source>
        <translation>{summary}，报告人 {user}</translation>
    </message>
    <message>
        <source>carton {carton} weighed {weight_kg} kg; {expected_kg} kg was expected</source>
        <translation>第 {carton} 箱称重 {weight_kg} 千克；预期 {expected_kg} 千克</translation>
    </message>
    <message>
        <source>printer {printer} refused the label of carton {carton}: {message}</source>
        <translation>打印机 {printer} 拒绝打印第 {carton} 箱的面单：{message}</translation>
    </message>
    <message>
        <source>{lead} let {packer} close the order with lines open: {reason}</source>
        <translation>{lead} 允许 {packer} 在有未完成行时结束订单：{reason}</translation>
    </message>
    <message>
        <source>{lead} let {packer} close carton {carton} at {weight_kg} kg (expected {expected_kg} kg): {reason}</source>
        <translation>{lead} 允许 {packer} 以 {weight_kg} kg 封箱 {carton}（预期 {expected_kg} kg）：{reason}</translation>
    </message>
    <message>
        <source>{quantity} × {sku} picked at {location} into tote {tote} by {picked_by} for pick list {pick_list_id}, whose wave was cancelled: take them out and put them back</source>
        <translation>{picked_by} 在 {location} 为拣货单 {pick_list_id} 拣了 {quantity} × {sku} 放入周转箱 {tote}，但该波次已取消：请取出并放回原位</translation>
    </message>
    <message>
        <source>{name} (badge {badge}): PIN locked after too many wrong PINs at {station}</source>
        <translation>{name}（工牌 {badge}）：在 {station} 输错 PIN 次数过多，已锁定</translation>
    </message>
    <message>
        <source>serial {serial_list} packed twice (carton {sscc}, station {station})</source>
        <translation>序列号 {serial_list} 被打包了两次（箱 {sscc}，工作站 {station}）</translation>
    </message>
    <message>
        <source>carton {carton} (SSCC {sscc}) is packed and awaits its {carrier} label: station {station} keeps asking the carrier and prints it by itself; do not load it before</source>
        <translation>第 {carton} 箱（SSCC {sscc}）已打包，正在等待 {carrier} 面单：工作站 {station} 会持续询问承运商并自动打印；在此之前请勿装车</translation>
    </message>
    <message>
        <source>carton {carton} was not loaded when {carrier} closed (manifest {manifest_id}): load it with the next collection</source>
        <translation>{carrier} 截单时第 {carton} 箱未装载（交接清单 {manifest_id}）：请随下一次揽收装载</translation>
    </message>
    <message>
        <source>pull this parcel from {unit} (carton {carton}): order on hold</source>
        <translation>请从 {unit} 取下此包裹（第 {carton} 箱）：订单已暂停</translation>
    </message>
    <message>
        <source>pull this parcel from {unit} (carton {carton}): the order was cancelled</source>
        <translation>请从 {unit} 取下此包裹（第 {carton} 箱）：订单已取消</translation>
    </message>
    <message>
        <source>count {location}: {moved_by} moved {quantity} × {sku} to {to}, but only {available} were free there</source>
        <translation>请盘点 {location}：{moved_by} 把 {quantity} × {sku} 移到了 {to}，但那里只有 {available} 件可用</translation>
    </message>
    <message>
        <source>{name} is a {role}: only a stock clerk or a shift lead moves stock</source>
        <translation>{name} 是{role}：只有库管员或班组长可以移库</translation>
    </message>
    <message>
        <source>no item scanned: scan what you move (--scan CODE, CODE*N for N units)</source>
        <translation>没有扫描商品：请扫描要移动的商品（--scan 条码，条码*N 表示 N 件）</translation>
    </message>
    <message>
        <source>{code} is a location, not an item: give the to-location with --to</source>
        <translation>{code} 是库位，不是商品：请用 --to 指定目标库位</translation>
    </message>
    <message>
        <source>there is no location {location}: check the label and scan it again</source>
        <translation>没有库位 {location}：请检查标签后重新扫描</translation>
    </message>
    <message>
        <source>{location} is where the stock comes from: scan another location to move it to</source>
        <translation>{location} 就是来源库位：请扫描要移入的另一个库位</translation>
    </message>
    <message>
        <source>{code} is not at {location}: scan an item that is there</source>
        <translation>{code} 不在 {location}：请扫描该库位上的商品</translation>
    </message>
    <message>
        <source>lot {lot} of {sku} is not here: scan the label of a lot that is</source>
        <translation>{sku} 的批次 {lot} 不在这里：请扫描这里有的批次标签</translation>
    </message>
    <message>
        <source>{sku} has {lots} lots here: scan the GS1 label with the lot</source>
        <translation>{sku} 在这里有 {lots} 个批次：请扫描带批次的 GS1 标签</translation>
    </message>
    <message>
        <source>only {available} of {sku} may move from here (the rest is reserved for orders or held), not {wanted}</source>
        <translation>这里的 {sku} 只有 {available} 件可以移动（其余已为订单预留或被冻结），不能移动 {wanted} 件</translation>
    </message>
    <message>
        <source>{quantity} × {sku} cannot move out of {location}: only {available} are free there now. Nothing was moved; scan again</source>
        <translation>{quantity} × {sku} 不能从 {location} 移出：那里现在只有 {available} 件可用。未移动任何商品，请重新扫描</translation>
    </message>
    <message>
        <source>{code} is not part of a move: scan a location or an item</source>
        <translation>{code} 不属于移库操作：请扫描库位或商品</translation>
    </message>
    <message>
        <source>bad barcode: {error}</source>
        <translation>条码错误：{error}</translation>
    </message>
    <message>
        <source>the move stopped: {reason}</source>
        <translation>移库已停止：{reason}</translation>
    </message>
    <message>
        <source>carton {carton} was loaded onto {first} and onto {unit}: find it</source>
        <translation>第 {carton} 箱先后装上了 {first} 和 {unit}：请找到它</translation>
    </message>
    <message>
        <source>carton {carton} went onto {unit}, which goes with {carrier}: move it to its carrier</source>
        <translation>第 {carton} 箱装上了属于 {carrier} 的 {unit}：请移到其承运商的单元</translation>
    </message>
    <message>
        <source>packed, but the order could not be marked packed: {error}</source>
        <translation>已打包，但订单无法标记为已打包：{error}</translation>
    </message>
    <message>
        <source>tote {tote} is bound to another order too (pick list {pick_list_id})</source>
        <translation>周转箱 {tote} 同时绑定了另一个订单（拣货单 {pick_list_id}）</translation>
    </message>
    <message>
        <source>{picked_by} picked {facts} time(s) on pick list {pick_list_id} while offline after it went to {now_with}: the picks count, the rest of the list stays with {now_with}</source>
        <translation>拣货单 {pick_list_id} 改派给 {now_with} 后，{picked_by} 仍在离线时拣货 {facts} 次：这些拣货有效，其余部分仍由 {now_with} 负责</translation>
    </message>
    <message>
        <source>{fact} from {station} could not be applied: {error}</source>
        <translation>来自 {station} 的记录 {fact} 无法应用：{error}</translation>
    </message>
    <message>
        <source>{key} names no exception: use exception:ID, late:REF or hold:REF</source>
        <translation>{key} 不是异常编号：请使用 exception:ID、late:REF 或 hold:REF</translation>
    </message>
    <message>
        <source>exception {id} names no pick task: acknowledge it with a note</source>
        <translation>异常 {id} 没有关联拣货任务：请填写备注后确认关闭</translation>
    </message>
    <message>
        <source>{order} ships complete (its customer&apos;s terms): it cannot ship short. Reallocate the units, or cancel the order</source>
        <translation>{order} 须整单发货（客户条款）：不能少发。请重新分配这些件数，或取消订单</translation>
    </message>
    <message>
        <source>pick task {task} has nothing outstanding: acknowledge it instead</source>
        <translation>拣货任务 {task} 没有未完成数量：请改为确认关闭</translation>
    </message>
    <message>
        <source>exception {id} names no stored fact: acknowledge it instead</source>
        <translation>异常 {id} 没有关联已保存的记录：请改为确认关闭</translation>
    </message>
    <message>
        <source>{fact} still cannot be applied ({error}). Leave it open and call IT, or acknowledge it with a note.</source>
        <translation>{fact} 仍然无法应用（{error}）。请保持未处理并联系 IT，或填写备注后确认关闭。</translation>
    </message>
    <message>
        <source>a {kind} item cannot be resolved by {resolution}: choose {allowed}</source>
        <translation>{kind} 类问题不能用 {resolution} 处理：请选择 {allowed}</translation>
    </message>
    <message>
        <source>exception {id} does not exist</source>
        <translation>异常 {id} 不存在</translation>
    </message>
    <message>
        <source>exception {id} is already resolved</source>
        <translation>异常 {id} 已处理</translation>
    </message>
    <message>
        <source>{sku}: {short} of {quantity} missing</source>
        <translation>{sku}：缺 {short} 件（共 {quantity} 件）</translation>
    </message>
    <message>
        <source>{lines} — count or receive, then retry</source>
        <translation>{lines} — 请盘点或收货后重试</translation>
    </message>
    <message>
        <source>no other location holds {quantity} free of {sku} that has not expired: backorder or cancel the line instead</source>
        <translation>没有其他库位有 {quantity} 件未过期的空闲 {sku}：请改为延期交货或取消该行</translation>
    </message>
    <message>
        <source>pick task {id} does not exist</source>
        <translation>拣货任务 {id} 不存在</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>the parcel waits for the next collection</source>
        <translation>包裹等待下一次揽收</translation>
    </message>
    <message>
        <source>parcel taken off {unit}</source>
        <translation>包裹已从 {unit} 取下</translation>
    </message>
    <message>
        <source>{order} goes to the next allocation run</source>
        <translation>{order} 将在下一次库存分配中处理</translation>
    </message>
    <message>
        <source>{order} cancelled</source>
        <translation>{order} 已取消</translation>
    </message>
    <message>
        <source>{order} allocated</source>
        <translation>{order} 已分配</translation>
    </message>
    <message>
        <source>{order} still waits: {reason}. Count or receive first</source>
        <translation>{order} 仍在等待：{reason}。请先盘点或收货</translation>
    </message>
    <message>
        <source>{order} is now priority {priority}</source>
        <translation>{order} 的优先级现在为 {priority}</translation>
    </message>
    <message>
        <source>{quantity} × {sku} to pick from {location}</source>
        <translation>{quantity} × {sku} 改从 {location} 拣货</translation>
    </message>
    <message>
        <source>{quantity} × {sku} written off at {location}; the order ships without them</source>
        <translation>{quantity} × {sku} 已在 {location} 报废；订单发货时不含这些商品</translation>
    </message>
    <message>
        <source>{quantity} × {sku} cancelled from the order</source>
        <translation>{quantity} × {sku} 已从订单中取消</translation>
    </message>
    <message>
        <source>{quantity} × {sku} backordered; the order ships without them</source>
        <translation>{quantity} × {sku} 已延期交货；订单发货时不含这些商品</translation>
    </message>
    <message>
        <source>{fact} applied</source>
        <translation>{fact} 已应用</translation>
    </message>
    <message>
        <source>capacity must be at least 1 order per cart, got {capacity}</source>
        <translation>每辆拣货车至少要装 1 个订单，当前为 {capacity}</translation>
    </message>
    <message>
        <source>the weight limit per cart must be more than 0 kg (none: no limit), got {kg}</source>
        <translation>每辆拣货车的重量上限必须大于 0 千克（不填：不限），当前为 {kg}</translation>
    </message>
    <message>
        <source>the volume limit per cart must be more than 0 l (none: no limit), got {litres}</source>
        <translation>每辆拣货车的体积上限必须大于 0 升（不填：不限），当前为 {litres}</translation>
    </message>
    <message>
        <source>--days must be a whole number of days from 1 to {most}, found {days}</source>
        <translation>--days 必须是 1 到 {most} 之间的整数天数，收到的是 {days}</translation>
    </message>
    <message>
        <source>load test warehouse {code}: its stock was refused ({rows})</source>
        <translation>压力测试仓库 {code}：其库存被拒绝（{rows}）</translation>
    </message>
    <message>
        <source>a transfer needs at least one --sku SKU --quantity N</source>
        <translation>调拨至少需要一组 --sku SKU --quantity N</translation>
    </message>
    <message>
        <source>unknown SKU {sku}: import it with import-products first</source>
        <translation>未知 SKU {sku}：请先用 import-products 导入</translation>
    </message>
    <message>
        <source>warehouse {code} has no site settings: a transfer ships to its ship_from address (shipshape site --warehouse {code} --set FILE)</source>
        <translation>仓库 {code} 没有站点设置：调拨发往其 ship_from 地址（shipshape site --warehouse {code} --set FILE）</translation>
    </message>
    <message>
        <source>warehouse {code} has no carriers in its site settings: it cannot ship (shipshape site --warehouse {code} --set FILE)</source>
        <translation>仓库 {code} 的站点设置中没有承运商：无法发货（shipshape site --warehouse {code} --set FILE）</translation>
    </message>
    <message>
        <source>no transfer {transfer}: `shipshape transfers` lists them</source>
        <translation>没有调拨单 {transfer}：`shipshape transfers` 可列出全部调拨单</translation>
    </message>
    <message>
        <source>transfer {transfer} is cancelled already</source>
        <translation>调拨单 {transfer} 已经取消</translation>
    </message>
    <message>
        <source>transfer {transfer} has shipped (in transit or received): too late to cancel it</source>
        <translation>调拨单 {transfer} 已发出（在途或已收货）：不能再取消</translation>
    </message>
    <message>
        <source>transfer {transfer} is picked already: too late to cancel it</source>
        <translation>调拨单 {transfer} 已拣货：不能再取消</translation>
    </message>
    <message>
        <source>transfer {transfer} is on a wave&apos;s pick lists: cancel that wave first (Board tab), then the transfer</source>
        <translation>调拨单 {transfer} 已在波次的拣货单上：请先取消该波次（看板页），再取消调拨单</translation>
    </message>
    <message>
        <source>no layout imported yet: run `shipshape import-layout LAYOUT` first</source>
        <translation>尚未导入仓库布局：请先运行 `shipshape import-layout LAYOUT`</translation>
    </message>
    <message>
        <source>nothing to plan: no allocated orders that are not in a wave yet</source>
        <translation>没有可计划的内容：没有尚未进入波次的已分配订单</translation>
    </message>
    <message>
        <source>wave not saved: since it was planned, each of its orders was cancelled or taken by another wave ({orders}); plan again</source>
        <translation>波次未保存：自计划以来，其每个订单都已取消或被另一波次占用（{orders}）；请重新计划</translation>
    </message>
    <message>
        <source>wave {id} does not exist</source>
        <translation>波次 {id} 不存在</translation>
    </message>
    <message>
        <source>wave {id} is not a planned wave</source>
        <translation>波次 {id} 不是已计划的波次</translation>
    </message>
    <message>
        <source>wave {wave} is not released: only a released wave&apos;s carts are re-balanced</source>
        <translation>波次 {wave} 尚未下发：只有已下发波次的拣货车可以重新均衡</translation>
    </message>
    <message>
        <source>wave {wave}: re-batching its unstarted carts would not walk less</source>
        <translation>波次 {wave}：重新组合未开始的拣货车不会少走路</translation>
    </message>
    <message>
        <source>wave {wave}: pick list {id} was claimed or changed since the preview; nothing was changed — preview again</source>
        <translation>波次 {wave}：预览之后拣货单 {id} 已被领取或已改变；未做任何更改，请重新预览</translation>
    </message>
    <message>
        <source>wave {id}: {started} task(s) are already picked; hold the wave or reassign its lists instead of cancelling it</source>
        <translation>波次 {id}：已有 {started} 个任务拣货完成；请暂停该波次或改派其拣货单，而不是取消它</translation>
    </message>
    <message>
        <source>none of these pick lists is still open: nothing to reassign</source>
        <translation>这些拣货单都已不再进行中：没有可改派的内容</translation>
    </message>
    <message>
        <source>no user called {name}</source>
        <translation>没有名为 {name} 的用户</translation>
    </message>
    <message>
        <source>&apos;{login}&apos; is not a database login name: lower-case letters, digits and _, at most 63</source>
        <translation>&apos;{login}&apos; 不是数据库登录名：只能使用小写字母、数字和 _，最多 63 个字符</translation>
    </message>
    <message>
        <source>this database login is registered for station {registered}, not {station}: start with --station {registered}, or ask the site owner to register a login for {station}</source>
        <translation>此数据库登录已登记给工作站 {registered}，而不是 {station}：请使用 --station {registered} 启动，或请站点负责人为 {station} 登记一个登录</translation>
    </message>
    <message>
        <source>this database login may not write and is not registered for a station: the site owner runs `shipshape station-login {station} LOGIN` (docs/security.md)</source>
        <translation>此数据库登录没有写入权限，也未登记给任何工作站：请站点负责人运行 `shipshape station-login {station} LOGIN`（docs/security.md）</translation>
    </message>
    <message>
        <source>&apos;{station}&apos; is not a station name: letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most 60</source>
        <translation>&apos;{station}&apos; 不是工作站名称：只能使用字母、数字、&apos;.&apos;、&apos;_&apos; 和 &apos;-&apos;，最多 60 个字符</translation>
    </message>
    <message>
        <source>role &apos;{role}&apos; must be one of picker, packer, loader, lead</source>
        <translation>角色“{role}”必须是 picker、packer、loader 或 lead 之一</translation>
    </message>
    <message>
        <source>a lead needs a PIN of at least {digits} digits</source>
        <translation>班组长需要至少 {digits} 位数字的 PIN 码</translation>
    </message>
    <message>
        <source>a lead cannot unlock their own PIN: ask another lead</source>
        <translation>主管不能解锁自己的 PIN：请另一位主管解锁</translation>
    </message>
    <message>
        <source>the site has a shift lead: creating or changing a lead needs a lead&apos;s --badge and --pin</source>
        <translation>本站点已有值班主管：创建或修改主管需要主管的 --badge 和 --pin</translation>
    </message>
    <message>
        <source>the site has shift leads already: the demo seeds a new site only</source>
        <translation>本站点已有值班主管：演示数据只能写入新站点</translation>
    </message>
    <message>
        <source>Badge {badge} is not known.</source>
        <translation>工牌 {badge} 未登记。</translation>
    </message>
    <message>
        <source>PIN of badge {badge} unlocked</source>
        <translation>工牌 {badge} 的 PIN 已解锁</translation>
    </message>
    <message>
        <source>the range ends ({end}) before it starts ({start}): swap the two dates</source>
        <translation>时间区间的结束（{end}）早于开始（{start}）：请交换两个日期</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>{pick} (short {short})</source>
        <translation>{pick}（缺 {short}）</translation>
    </message>
    <message>
        <source>receipt {receipt} from {supplier}: {lines}</source>
        <translation>收货单 {receipt}（{supplier}）：{lines}</translation>
    </message>
    <message>
        <source>{sku}: {received} received, {expected} expected</source>
        <translation>{sku}：收到 {received}，预期 {expected}</translation>
    </message>
    <message>
        <source>{sku}: only {received} of {expected} received</source>
        <translation>{sku}：预期 {expected}，仅收到 {received}</translation>
    </message>
    <message>
        <source>{sku}: {received} received, not on the receipt</source>
        <translation>{sku}：收到 {received}，不在收货单上</translation>
    </message>
    <message>
        <source>{clerk} at {station} received against receipt {receipt_id}, which central does not know: check the delivery papers</source>
        <translation>{clerk} 在 {station} 按收货单 {receipt_id} 收货，但中心没有该收货单：请核对送货单据</translation>
    </message>
    <message>
        <source>{name} is a {role}: only a stock clerk or a shift lead receives goods</source>
        <translation>{name} 的角色是 {role}：只有库管员或班组长可以收货</translation>
    </message>
    <message>
        <source>no receipt {receipt}: check the number on the delivery papers (import it with import-receipts)</source>
        <translation>没有收货单 {receipt}：请核对送货单据上的编号（用 import-receipts 导入）</translation>
    </message>
    <message>
        <source>receipt {receipt} is closed: nothing more can be received on it</source>
        <translation>收货单 {receipt} 已关闭：不能再收货</translation>
    </message>
    <message>
        <source>{code} is not an item of this site: check the barcode</source>
        <translation>{code} 不是本仓库的商品：请检查条码</translation>
    </message>
    <message>
        <source>no location {location}: check the location label</source>
        <translation>没有库位 {location}：请检查库位标签</translation>
    </message>
    <message>
        <source>{code} is {sku}, which needs its lot: scan the GS1 label with (10) lot, or add it as (10)LOT</source>
        <translation>{code} 是 {sku}，需要批号：请扫描带 (10) 批号的 GS1 标签，或加上 (10)批号</translation>
    </message>
    <message>
        <source>{code} was refused ({reason}): nothing was received</source>
        <translation>{code} 被拒绝（{reason}）：未收货</translation>
    </message>
    <message>
        <source>{name} is a {role}: only a loader or a shift lead loads parcels</source>
        <translation>{name} 的角色是 {role}：只有装车员或班组长可以装载包裹</translation>
    </message>
    <message>
        <source>badge {badge} is not known</source>
        <translation>工牌 {badge} 未登记</translation>
    </message>
    <message>
        <source>nothing is loaded for {carrier}: load parcels first, there is nothing to close</source>
        <translation>{carrier} 没有已装载的包裹：请先装载，没有可截单的内容</translation>
    </message>
    <message>
        <source>{carrier} was closed already at {time} (manifest {manifest}) and nothing was loaded since: there is nothing to close</source>
        <translation>{carrier} 已于 {time} 截单（交接清单 {manifest}），之后没有新装载：没有可截单的内容</translation>
    </message>
    <message>
        <source>name the carrier to close (its code or name)</source>
        <translation>请指定要截单的承运商（代码或名称）</translation>
    </message>
    <message>
        <source>no manifest {manifest}</source>
        <translation>没有交接清单 {manifest}</translation>
    </message>
    <message>
        <source>{carrier} closed: manifest {manifest}, {parcels} parcels, {orders} orders shipped, {left} left behind</source>
        <translation>{carrier} 已截单：交接清单 {manifest}，{parcels} 个包裹，{orders} 个订单已发货，{left} 个遗留</translation>
    </message>
    <message>
        <source>a count found fewer than were reserved</source>
        <translation>盘点数量少于已预留数量</translation>
    </message>
    <message>
        <source>{location} counted twice with a variance: {lines}</source>
        <translation>{location} 两次盘点均有差异：{lines}</translation>
    </message>
    <message>
        <source>{sku}: expected {expected}, counted {first}, then {second}</source>
        <translation>{sku}：应有 {expected}，第一次 {first}，第二次 {second}</translation>
    </message>
    <message>
        <source>{counted_by} counted location {location}, which is not known</source>
        <translation>{counted_by} 盘点了未知库位 {location}</translation>
    </message>
    <message>
        <source>{location}: stock set from the second count</source>
        <translation>{location}：库存已按第二次盘点设置</translation>
    </message>
    <message>
        <source>{location}: to be counted again</source>
        <translation>{location}：需要重新盘点</translation>
    </message>
    <message>
        <source>count task {id} is not waiting for approval (it is {status})</source>
        <translation>盘点任务 {id} 不在等待审批（当前状态：{status}）</translation>
    </message>
    <message>
        <source>no location from {first} to {last}: check the two codes</source>
        <translation>{first} 到 {last} 之间没有库位：请检查这两个代码</translation>
    </message>
    <message>
        <source>a tolerance of {units} units and {pct} % is not possible: units from 0, per cent from 0 to 100</source>
        <translation>{units} 件和 {pct} % 的容差无效：件数从 0 起，百分比在 0 到 100 之间</translation>
    </message>
    <message>
        <source>the labour standard was not saved: {problems}</source>
        <translation>劳动标准未保存：{problems}</translation>
    </message>
    <message>
        <source>only {lists} finished pick list(s) since {since}: at least {needed} are needed to learn a labour standard</source>
        <translation>自 {since} 起只有 {lists} 张已完成的拣货单：学习劳动标准至少需要 {needed} 张</translation>
    </message>
    <message>
        <source>{name} is a {role}: only a stock clerk or a shift lead counts</source>
        <translation>{name} 是{role}：只有库管员或班组长可以盘点</translation>
    </message>
    <message>
        <source>location {location} is not known: scan the location&apos;s label</source>
        <translation>未知库位 {location}：请扫描库位标签</translation>
    </message>
    <message>
        <source>{code} is not a product of this site: scan the product&apos;s barcode</source>
        <translation>{code} 不是本仓库的商品：请扫描商品条码</translation>
    </message>
    <message>
        <source>{sku} is lot-controlled: scan the GS1 label that carries the lot</source>
        <translation>{sku} 需要批次管理：请扫描带批次的 GS1 标签</translation>
    </message>
    <message>
        <source>{code} cannot be read: {error}</source>
        <translation>{code} 无法读取：{error}</translation>
    </message>
    <message>
        <source>{code}: the number after * must be a whole number from 1</source>
        <translation>{code}：* 后面必须是从 1 开始的整数</translation>
    </message>
    <message>
        <source>the count of {location} was not applied: nothing changed</source>
        <translation>{location} 的盘点未生效：没有任何更改</translation>
    </message>
    <message>
        <source>someone else changed this at the same time ({detail})</source>
        <translation>其他人同时修改了此数据（{detail}）</translation>
    </message>
    <message>
        <source>Order received from {channel}</source>
        <translation>已从 {channel} 接收订单</translation>
    </message>
    <message>
        <source>Put on hold for a lead to check</source>
        <translation>已暂停，等待班组长检查</translation>
    </message>
    <message>
        <source>Stock reserved for the order</source>
        <translation>已为订单预留库存</translation>
    </message>
    <message>
        <source>Released to the floor for picking</source>
        <translation>已下发到仓库拣货</translation>
    </message>
    <message>
        <source>Picking started</source>
        <translation>开始拣货</translation>
    </message>
    <message>
        <source>Every line picked</source>
        <translation>所有行已拣完</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Stopped: a lead decides what happens next</source>
        <translation>已停止：由班组长决定下一步</translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation>订单已取消</translation>
    </message>
    <message>
        <source>Transfer {transfer} cancelled: its receipt at the receiving warehouse closed</source>
        <translation>调拨单 {transfer} 已取消：收货仓库的收货单已关闭</translation>
    </message>
    <message>
        <source>Transfer {transfer} made by the system: pick face {face} had no reserve of {sku} in {to}, {quantity} come from {from}</source>
        <translation>调拨单 {transfer} 由系统自动创建：{to} 的拣货位 {face} 没有 {sku} 的储备，{quantity} 件从 {from} 调来</translation>
    </message>
    <message>
        <source>Made urgent by a lead (priority {priority})</source>
        <translation>班组长设为加急（优先级 {priority}）</translation>
    </message>
    <message>
        <source>Problem {exception} closed by a lead ({resolution})</source>
        <translation>问题 {exception} 已由班组长关闭（{resolution}）</translation>
    </message>
    <message>
        <source>Tote {tote} put on the cart for this order</source>
        <translation>周转箱 {tote} 已放上拣货车，用于此订单</translation>
    </message>
    <message>
        <source>Picked {quantity} × {sku} at {location} into tote {tote}</source>
        <translation>在 {location} 拣了 {quantity} × {sku}，放入周转箱 {tote}</translation>
    </message>
    <message>
        <source>Short at {location}: {sku}, {found} found, {shortfall} missing</source>
        <translation>{location} 缺货：{sku}，找到 {found} 件，缺 {shortfall} 件</translation>
    </message>
    <message>
        <source>Stop {location} skipped: moved to the end of the route</source>
        <translation>已跳过库位 {location}：移到路线末尾</translation>
    </message>
    <message>
        <source>Route re-planned from {start}: {distance_m} m left to walk</source>
        <translation>已从 {start} 重新规划路线：剩余步行 {distance_m} 米</translation>
    </message>
    <message>
        <source>Pick undone: {quantity} unit(s) go back</source>
        <translation>已撤销拣货：{quantity} 件退回</translation>
    </message>
    <message>
        <source>Pick list {pick_list_id} taken by a picker</source>
        <translation>拣货单 {pick_list_id} 已被拣货员领取</translation>
    </message>
    <message>
        <source>Pick list finished</source>
        <translation>拣货单已完成</translation>
    </message>
    <message>
        <source>Pick list {pick_list} given to {to}</source>
        <translation>拣货单 {pick_list} 已分配给 {to}</translation>
    </message>
    <message>
        <source>Pick list {pick_list} taken back from its picker</source>
        <translation>拣货单 {pick_list} 已从拣货员收回</translation>
    </message>
    <message>
        <source>Scan refused: {scanned}</source>
        <translation>扫描被拒绝：{scanned}</translation>
    </message>
    <message>
        <source>Packing started</source>
        <translation>开始打包</translation>
    </message>
    <message>
        <source>Receipt {receipt_id} from {supplier} announced</source>
        <translation>收货单 {receipt_id}（{supplier}）已通知</translation>
    </message>
    <message>
        <source>{quantity} × {sku} received on receipt {receipt_id}</source>
        <translation>按收货单 {receipt_id} 收到 {quantity} × {sku}</translation>
    </message>
    <message>
        <source>{quantity} × {sku} put away at {location}</source>
        <translation>{quantity} × {sku} 已上架到 {location}</translation>
    </message>
    <message>
        <source>Receipt {receipt_id} closed</source>
        <translation>收货单 {receipt_id} 已关闭</translation>
    </message>
    <message>
        <source>Carton {carton} loaded onto {unit} for {carrier}</source>
        <translation>第 {carton} 箱已装上 {carrier} 的 {unit}</translation>
    </message>
    <message>
        <source>Carton {carton} taken off {unit}</source>
        <translation>第 {carton} 箱已从 {unit} 卸下</translation>
    </message>
    <message>
        <source>Scan refused at the dock: {raw} ({reason})</source>
        <translation>月台扫描被拒绝：{raw}（{reason}）</translation>
    </message>
    <message>
        <source>{carrier} collection closed: manifest {manifest_id}, {parcels} parcels</source>
        <translation>{carrier} 揽收已截单：交接清单 {manifest_id}，{parcels} 个包裹</translation>
    </message>
    <message>
        <source>Packed {quantity} × {sku} into carton {carton}</source>
        <translation>已将 {quantity} × {sku} 装入第 {carton} 箱</translation>
    </message>
    <message>
        <source>Took {quantity} × {sku} out of carton {carton}</source>
        <translation>已从第 {carton} 箱取出 {quantity} × {sku}</translation>
    </message>
    <message>
        <source>Scan refused at packing: {raw}</source>
        <translation>打包时扫描被拒绝：{raw}</translation>
    </message>
    <message>
        <source>Lead {lead} let the packer go on: {reason}</source>
        <translation>班组长 {lead} 允许打包员继续：{reason}</translation>
    </message>
    <message>
        <source>Carton {carton} closed at {weight_kg} kg</source>
        <translation>第 {carton} 箱已封箱，重量 {weight_kg} kg</translation>
    </message>
    <message>
        <source>Shipping label printed (SSCC {sscc})</source>
        <translation>运单标签已打印（SSCC {sscc}）</translation>
    </message>
    <message>
        <source>Shipping label printed again (SSCC {sscc})</source>
        <translation>运单标签已重新打印（SSCC {sscc}）</translation>
    </message>
    <message>
        <source>Shipping label not printed on {printer}: {message}</source>
        <translation>运单标签未能在 {printer} 上打印：{message}</translation>
    </message>
    <message>
        <source>Carrier {carrier} sold the awaited label: tracking {tracking_number}</source>
        <translation>承运商 {carrier} 已出售等待中的面单：运单号 {tracking_number}</translation>
    </message>
    <message>
        <source>Wave {wave} planned: {orders} order(s)</source>
        <translation>波次 {wave} 已计划：{orders} 个订单</translation>
    </message>
    <message>
        <source>Wave {wave} released to the floor</source>
        <translation>波次 {wave} 已下发到仓库</translation>
    </message>
    <message>
        <source>Wave {wave} held</source>
        <translation>波次 {wave} 已暂停</translation>
    </message>
    <message>
        <source>Wave {wave} resumed</source>
        <translation>波次 {wave} 已恢复</translation>
    </message>
    <message>
        <source>Wave {wave} cancelled</source>
        <translation>波次 {wave} 已取消</translation>
    </message>
    <message>
        <source>Wave {wave} topped up: {orders} order(s) joined its carts, +{added_m} m</source>
        <translation>波次 {wave} 已补单：{orders} 个订单加入其拣货车，多走 {added_m} 米</translation>
    </message>
    <message>
        <source>Wave {wave} re-balanced: {before_m} m → {after_m} m walking</source>
        <translation>波次 {wave} 已重新均衡：步行 {before_m} 米 → {after_m} 米</translation>
    </message>
    <message>
        <source>Taken off planned wave {wave} (order cancelled)</source>
        <translation>已从计划波次 {wave} 中移出（订单已取消）</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Asked central for the next pick list</source>
        <translation>已向中央系统请求下一张拣货单</translation>
    </message>
    <message>
        <source>User {name} saved ({role})</source>
        <translation>用户 {name} 已保存（{role}）</translation>
    </message>
    <message>
        <source>Wrong PIN for badge {badge}</source>
        <translation>工牌 {badge} 的 PIN 错误</translation>
    </message>
    <message>
        <source>PIN of {name} locked after too many wrong PINs</source>
        <translation>{name} 的 PIN 因错误次数过多已锁定</translation>
    </message>
    <message>
        <source>PIN of badge {badge} unlocked by a lead</source>
        <translation>工牌 {badge} 的 PIN 已由班组长解锁</translation>
    </message>
    <message>
        <source>Home warehouses of {name} set</source>
        <translation>已设置 {name} 的所属仓库</translation>
    </message>
    <message>
        <source>Database login {login} registered for station {station}</source>
        <translation>数据库登录 {login} 已登记给工作站 {station}</translation>
    </message>
    <message>
        <source>Stock counted and set</source>
        <translation>库存已盘点并设定</translation>
    </message>
    <message>
        <source>{quantity} × {sku} moved from {from_location} to {to_location}</source>
        <translation>{quantity} × {sku} 已从 {from_location} 移到 {to_location}</translation>
    </message>
    <message>
        <source>Pick faces set</source>
        <translation>拣货位已设置</translation>
    </message>
    <message>
        <source>Pick face of {sku} moved from {from} to {to}</source>
        <translation>{sku} 的拣货位已从 {from} 移到 {to}</translation>
    </message>
    <message>
        <source>Slotting: {relocations} moves proposed, tasks created</source>
        <translation>储位优化：建议移动 {relocations} 次，任务已创建</translation>
    </message>
    <message>
        <source>Location {location} counted</source>
        <translation>库位 {location} 已盘点</translation>
    </message>
    <message>
        <source>Count of {location} applied: {status}</source>
        <translation>{location} 的盘点已处理：{status}</translation>
    </message>
    <message>
        <source>Count tasks scheduled ({reason})</source>
        <translation>已安排盘点任务（{reason}）</translation>
    </message>
    <message>
        <source>Lead approved the variance of count task {count_task_id}</source>
        <translation>组长批准了盘点任务 {count_task_id} 的差异</translation>
    </message>
    <message>
        <source>Lead ordered another count of count task {count_task_id}</source>
        <translation>组长要求对盘点任务 {count_task_id} 重新盘点</translation>
    </message>
    <message>
        <source>Lead kept stock as it was for count task {count_task_id}</source>
        <translation>组长决定盘点任务 {count_task_id} 的库存保持不变</translation>
    </message>
    <message>
        <source>Count tolerance set: {max_units} units and {max_pct} %</source>
        <translation>盘点容差已设置：{max_units} 件和 {max_pct} %</translation>
    </message>
    <message>
        <source>Labour standard set ({learnt_from} pick lists learnt from)</source>
        <translation>劳动标准已设定（从 {learnt_from} 张拣货单学习）</translation>
    </message>
    <message>
        <source>Layout {name} imported</source>
        <translation>布局 {name} 已导入</translation>
    </message>
    <message>
        <source>{rows} product(s) imported</source>
        <translation>已导入 {rows} 个商品</translation>
    </message>
    <message>
        <source>{rows} customer(s) imported or updated</source>
        <translation>已导入或更新 {rows} 个客户</translation>
    </message>
    <message>
        <source>Site language set</source>
        <translation>站点语言已设定</translation>
    </message>
    <message>
        <source>Site settings set</source>
        <translation>站点设置已保存</translation>
    </message>
    <message>
        <source>Predicted to miss its ship-by</source>
        <translation>预计将错过发货期限</translation>
    </message>
    <message>
        <source>Integration endpoints set: {names}</source>
        <translation>已设置集成端点：{names}</translation>
    </message>
    <message>
        <source>Parked message {message} queued to send again</source>
        <translation>已搁置的消息 {message} 已重新排队发送</translation>
    </message>
    <message>
        <source>Parked message {message} dropped</source>
        <translation>已搁置的消息 {message} 已放弃</translation>
    </message>
    <message>
        <source>Order review rules saved</source>
        <translation>订单审核规则已保存</translation>
    </message>
    <message>
        <source>Carton types saved</source>
        <translation>箱型已保存</translation>
    </message>
    <message>
        <source>Tracking {tracking} · {packages} package(s)</source>
        <translation>运单号 {tracking} · {packages} 个包裹</translation>
    </message>
    <message>
        <source>count typed: the product has no barcode</source>
        <translation>数量为手动输入：此商品没有条码</translation>
    </message>
    <message>
        <source>tote not scanned: confirmed with the Confirm command</source>
        <translation>未扫描周转箱：用“确认”指令确认</translation>
    </message>
    <message>
        <source>{decision} is not a decision: use one of {known}</source>
        <translation>{decision} 不是有效的决定：请用 {known} 之一</translation>
    </message>
    <message>
        <source>quarantine item {id}: restocking needs the location the units go to: scan or type it</source>
        <translation>隔离项 {id}：重新上架需要目标库位：请扫描或输入</translation>
    </message>
    <message>
        <source>no quarantine item {id}: reload the list</source>
        <translation>没有隔离项 {id}：请刷新列表</translation>
    </message>
    <message>
        <source>quarantine item {id} is already {status} (by {by}): reload</source>
        <translation>隔离项 {id} 已是 {status}（{by} 决定）：请刷新</translation>
    </message>
    <message>
        <source>location {location} does not exist: check the label</source>
        <translation>库位 {location} 不存在：请检查标签</translation>
    </message>
    <message>
        <source>{sku} lot {lot} has expired: it cannot go back to stock; scrap it or return it to the supplier</source>
        <translation>{sku} 批次 {lot} 已过期：不能回库存；请报废或退回供应商</translation>
    </message>
    <message>
        <source>{quantity} × {sku} scrapped</source>
        <translation>{quantity} × {sku} 已报废</translation>
    </message>
    <message>
        <source>{quantity} × {sku} set aside to return to the supplier</source>
        <translation>{quantity} × {sku} 已留待退回供应商</translation>
    </message>
    <message>
        <source>{quantity} × {sku} restocked at {location}</source>
        <translation>{quantity} × {sku} 已重新上架到 {location}</translation>
    </message>
    <message>
        <source>Quarantined {quantity} × {sku}: {decision} by a lead</source>
        <translation>隔离的 {quantity} × {sku}：主管决定 {decision}</translation>
    </message>
    <message>
        <source>Some units came back from the customer</source>
        <translation>客户退回了部分货品</translation>
    </message>
    <message>
        <source>Every shipped unit came back from the customer</source>
        <translation>客户退回了全部已发货品</translation>
    </message>
    <message>
        <source>Returned {quantity} × {sku} ({condition}) to {location}</source>
        <translation>退回 {quantity} × {sku}（{condition}）到 {location}</translation>
    </message>
    <message>
        <source>Took back {quantity} × {sku} ({condition}) from {location}</source>
        <translation>已从 {location} 撤回 {quantity} × {sku}（{condition}）</translation>
    </message>
    <message>
        <source>Return of parcel {parcel} closed</source>
        <translation>退货包裹 {parcel} 已关闭</translation>
    </message>
    <message>
        <source>Return received: {restocked} unit(s) back to stock ({status})</source>
        <translation>退货已收：{restocked} 件回库存（{status}）</translation>
    </message>
    <message>
        <source>Return {rma} announced ({reason})</source>
        <translation>退货 {rma} 已预告（{reason}）</translation>
    </message>
    <message>
        <source>returned parcel of {order}: {sku} (serial {serial}) {flag}; taken in as a wrong item, in quarantine</source>
        <translation>{order} 的退货包裹：{sku}（序列号 {serial}）{flag}；已作为错误货品收下，放入隔离区</translation>
    </message>
    <message>
        <source>{clerk} at {station} returned items of order {channel}/{order_id}, which central does not know: check the parcel</source>
        <translation>{clerk} 在 {station} 退回了订单 {channel}/{order_id} 的货品，但中央系统没有该订单：请检查包裹</translation>
    </message>
    <message>
        <source>{clerk} at {station} took back {quantity} × {sku} of order {order} ({location}), but {why}: nothing changed; settle it</source>
        <translation>{station} 的 {clerk} 撤回了订单 {order} 的 {quantity} × {sku}（{location}），但{why}：未做任何更改，请处理</translation>
    </message>
    <message>
        <source>only {free} are free there now (picked or moved)</source>
        <translation>该库位现在只剩 {free} 件可用（已被拣货或移库）</translation>
    </message>
    <message>
        <source>a lead decided its quarantine already</source>
        <translation>主管已处理该隔离品</translation>
    </message>
    <message>
        <source>the parcel&apos;s return was closed already</source>
        <translation>该包裹的退货已关闭</translation>
    </message>
    <message>
        <source>is more than the order shipped</source>
        <translation>超过了订单发货数量</translation>
    </message>
    <message>
        <source>was not in the order</source>
        <translation>不在该订单中</translation>
    </message>
    <message>
        <source>has a serial already returned</source>
        <translation>序列号已退回过</translation>
    </message>
    <message>
        <source>has a serial that was not shipped on this order</source>
        <translation>序列号不是该订单发出的</translation>
    </message>
    <message>
        <source>{code} {flag}: nothing recorded; add :wrong_item to take it in as a wrong item</source>
        <translation>{code} {flag}：未记录；加上 :wrong_item 可作为错误货品收下</translation>
    </message>
    <message>
        <source>{code}: no location to put it back: give --to LOCATION</source>
        <translation>{code}：没有可放回的库位：请用 --to LOCATION 指定</translation>
    </message>
    <message>
        <source>{name} is a {role}; returns are received by a returns clerk</source>
        <translation>{name} 是{role}；退货须由退货员收货</translation>
    </message>
    <message>
        <source>{code}: the order is {status}, not shipped: nothing recorded</source>
        <translation>{code}：订单状态为 {status}，尚未发货：未记录</translation>
    </message>
    <message>
        <source>{code}: refused ({reason}): nothing recorded</source>
        <translation>{code}：被拒绝（{reason}）：未记录</translation>
    </message>
    <message>
        <source>{code}: {sku} needs its serial number: scan the GS1 code with (21), e.g. 01…21SERIAL</source>
        <translation>{code}：{sku} 需要序列号：请扫描带 (21) 的 GS1 条码，例如 01…21SERIAL</translation>
    </message>
    <message>
        <source>{code} is not a product barcode or SKU: nothing recorded</source>
        <translation>{code} 不是商品条码或 SKU：未记录</translation>
    </message>
    <message>
        <source>{code} is no tracking number, SSCC, RMA or order we shipped: nothing recorded</source>
        <translation>{code} 不是我们发出的运单号、SSCC、退货授权或订单：未记录</translation>
    </message>
    <message>
        <source>warehouse {id} is no longer in the database: choose another</source>
        <translation>仓库 {id} 已不在数据库中：请选择其他仓库</translation>
    </message>
    <message>
        <source>{name} works in {homes}, not in {here} where this station is: sign in at a station there, or ask a shift lead to add {here} to your warehouses</source>
        <translation>{name} 属于 {homes}，不属于本工作站所在的 {here}：请在所属仓库的工作站登录，或请班组长把 {here} 加入您的仓库</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>MovePage</name>
    <message>
        <source>{source} → {target}</source>
        <translation>{source} → {target}</translation>
    </message>
    <message>
        <source>From? → To?</source>
        <translation>从？→ 到？</translation>
    </message>
    <message>
        <source>Replenishments open: {count}</source>
        <translation>待补货任务：{count}</translation>
    </message>
    <message>
        <source>No replenishments open</source>
        <translation>没有待补货任务</translation>
    </message>
    <message>
        <source>{quantity} × {sku} {name}</source>
        <translation>{quantity} × {sku} {name}</translation>
    </message>
    <message>
        <source>Bring {quantity} × {sku} {name}</source>
        <translation>补货 {quantity} × {sku} {name}</translation>
    </message>
    <message>
        <source>Last: {units} units {source} → {target}</source>
        <translation>上一次：{units} 件 {source} → {target}</translation>
    </message>
    <message>
        <source> · {units} waiting</source>
        <translation> · {units} 件待拣</translation>
    </message>
    <message>
        <source>{quantity} × {sku}: {source} → {target} ({why}){waiting}</source>
        <translation>{quantity} × {sku}：{source} → {target}（{why}）{waiting}</translation>
    </message>
</context>
<context>
    <name>MoveTexts</name>
    <message>
        <source>Scan the location the stock comes from (L: label).</source>
        <translation>请扫描来源库位（L: 标签）。</translation>
    </message>
    <message>
        <source>Next: {quantity} × {sku} from {from} to {to}. Scan {from}.</source>
        <translation>下一项：{quantity} × {sku}，从 {from} 到 {to}。请扫描 {from}。</translation>
    </message>
    <message>
        <source>Looking up {location}…</source>
        <translation>正在查询 {location}…</translation>
    </message>
    <message>
        <source>Moving to {location}…</source>
        <translation>正在移到 {location}…</translation>
    </message>
    <message>
        <source>From {location}. Scan the items you take.</source>
        <translation>来源 {location}。请扫描取出的商品。</translation>
    </message>
    <message>
        <source>Replenish {to}: go to {from} and scan it.</source>
        <translation>补货到 {to}：请前往 {from} 并扫描该库位。</translation>
    </message>
    <message>
        <source>Take {quantity} × {sku} ({name}) from {from}. Scan the item.</source>
        <translation>从 {from} 取 {quantity} × {sku}（{name}）。请扫描商品。</translation>
    </message>
    <message>
        <source>{quantity} × {sku} in hand. Scan more, type a number, or scan the to-location.</source>
        <translation>手上 {quantity} × {sku}。继续扫描、输入数量，或扫描目标库位。</translation>
    </message>
    <message>
        <source>{quantity} × {sku} in hand. Scan the to-location.</source>
        <translation>手上 {quantity} × {sku}。请扫描目标库位。</translation>
    </message>
    <message>
        <source>MOVED {units} units: {from} → {to}.</source>
        <translation>已移库 {units} 件：{from} → {to}。</translation>
    </message>
    <message>
        <source>Last step taken back.</source>
        <translation>已撤回上一步。</translation>
    </message>
    <message>
        <source>Move cancelled: nothing moved.</source>
        <translation>移库已取消：未移动任何商品。</translation>
    </message>
    <message>
        <source>Task put back. A free move from {location}: scan the items.</source>
        <translation>任务已放回。从 {location} 自由移库：请扫描商品。</translation>
    </message>
    <message>
        <source>Nothing to take back.</source>
        <translation>没有可撤回的操作。</translation>
    </message>
    <message>
        <source>NO LOCATION {location}. Check the label and scan again.</source>
        <translation>没有库位 {location}。请检查标签后重新扫描。</translation>
    </message>
    <message>
        <source>{location} is where the stock comes from. Scan where it goes.</source>
        <translation>{location} 是来源库位。请扫描要移入的库位。</translation>
    </message>
    <message>
        <source>WRONG LOCATION {location}: this task takes from {expected}.</source>
        <translation>库位错误 {location}：此任务从 {expected} 取货。</translation>
    </message>
    <message>
        <source>WRONG LOCATION {location}: this task goes to {expected}.</source>
        <translation>库位错误 {location}：此任务送到 {expected}。</translation>
    </message>
    <message>
        <source>Scan the from-location first.</source>
        <translation>请先扫描来源库位。</translation>
    </message>
    <message>
        <source>Scan the item first, then the to-location.</source>
        <translation>请先扫描商品，再扫描目标库位。</translation>
    </message>
    <message>
        <source>NOT HERE: {code} is not at {location}. Scan an item from this location.</source>
        <translation>不在这里：{code} 不在 {location}。请扫描该库位上的商品。</translation>
    </message>
    <message>
        <source>WRONG ITEM: this task moves {expected} ({name}).</source>
        <translation>商品错误：此任务移动的是 {expected}（{name}）。</translation>
    </message>
    <message>
        <source>LOT {lot} of {sku} is not here. Scan the label of a lot that is.</source>
        <translation>{sku} 的批次 {lot} 不在这里。请扫描这里有的批次标签。</translation>
    </message>
    <message>
        <source>{sku} has {lots} lots here: scan the GS1 label with the lot.</source>
        <translation>{sku} 在这里有 {lots} 个批次：请扫描带批次的 GS1 标签。</translation>
    </message>
    <message>
        <source>ONLY {available} of {sku} may move (the rest is reserved or held), not {wanted}.</source>
        <translation>{sku} 只有 {available} 件可移动（其余已预留或冻结），不能移动 {wanted} 件。</translation>
    </message>
    <message>
        <source>{typed} is not a quantity. Type a whole number from 1.</source>
        <translation>{typed} 不是数量。请输入从 1 开始的整数。</translation>
    </message>
    <message>
        <source>Finish this move first (scan the to-location), or C:CANCEL.</source>
        <translation>请先完成本次移库（扫描目标库位），或扫描 C:CANCEL。</translation>
    </message>
    <message>
        <source>{code} is not part of a move. Scan a location or an item.</source>
        <translation>{code} 不属于移库操作。请扫描库位或商品。</translation>
    </message>
    <message>
        <source>Bad barcode: {error}</source>
        <translation>条码错误：{error}</translation>
    </message>
    <message>
        <source>NOT SAVED: {error}. Scan the to-location again.</source>
        <translation>未保存：{error}。请重新扫描目标库位。</translation>
    </message>
    <message>
        <source>Could not look up the location: {error}. Scan it again.</source>
        <translation>无法查询库位：{error}。请重新扫描。</translation>
    </message>
    <message>
        <source>after picks</source>
        <translation>拣货后</translation>
    </message>
    <message>
        <source>wave released</source>
        <translation>波次已下发</translation>
    </message>
    <message>
        <source>after a move</source>
        <translation>移库后</translation>
    </message>
    <message>
        <source>after a count</source>
        <translation>盘点后</translation>
    </message>
    <message>
        <source>new pick face</source>
        <translation>新拣货位</translation>
    </message>
    <message>
        <source>slotting: a nearer home</source>
        <translation>储位优化：换到更近的位置</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>on hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>released</source>
        <translation>已下发</translation>
    </message>
    <message>
        <source>picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <source>picked</source>
        <translation>已拣完</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发运</translation>
    </message>
    <message>
        <source>exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>partially returned</source>
        <translation>部分退货</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退货</translation>
    </message>
</context>
<context>
    <name>OverrideForm</name>
    <message>
        <source>Lead override: close with open lines</source>
        <translation>组长授权：有未完成行时封箱</translation>
    </message>
    <message>
        <source>Lead override: ship this carton at this weight</source>
        <translation>组长授权：按此重量发出本箱</translation>
    </message>
    <message>
        <source>Lead badge (scan it)</source>
        <translation>组长工牌（请扫描）</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PackerHome</name>
    <message>
        <source>Finish this order first (close the carton).</source>
        <translation>请先完成此订单（封箱）。</translation>
    </message>
    <message>
        <source>Weight {kg:.3f} kg typed: closing with it needs a lead. Scan C:CONFIRM.</source>
        <translation>已输入重量 {kg:.3f} kg：用它封箱需要组长授权。请扫描 C:CONFIRM。</translation>
    </message>
    <message>
        <source>Weight {kg:.3f} kg typed. Scan C:CONFIRM to close the carton.</source>
        <translation>已输入重量 {kg:.3f} kg。请扫描 C:CONFIRM 封箱。</translation>
    </message>
    <message>
        <source>{name} does nothing at packing.</source>
        <translation>{name} 在包装台无作用。</translation>
    </message>
    <message>
        <source>No printer choice at this station.</source>
        <translation>本工作站不能选择打印机。</translation>
    </message>
    <message>
        <source>Looking up {code}…</source>
        <translation>正在查找 {code}…</translation>
    </message>
    <message>
        <source>Do not pack: a lead must look at this order first.</source>
        <translation>请勿包装：需组长先处理此订单。</translation>
    </message>
    <message>
        <source>Partial shipment allowed by a lead: pack what was picked.</source>
        <translation>组长已允许部分发货：包装已拣货的商品。</translation>
    </message>
    <message>
        <source>Scan every item into the carton.</source>
        <translation>逐件扫描商品装箱。</translation>
    </message>
    <message>
        <source>Weigh the carton: scan C:WEIGH. A typed weight needs a lead.</source>
        <translation>请称重：扫描 C:WEIGH。手动输入的重量需要组长授权。</translation>
    </message>
    <message>
        <source>Type the carton&apos;s weight in kg + Enter, then scan C:CONFIRM.</source>
        <translation>请输入箱子重量（kg）并回车，然后扫描 C:CONFIRM。</translation>
    </message>
    <message>
        <source>No steady weight from the scale: wait a moment and scan C:WEIGH again.</source>
        <translation>秤的读数不稳定：请稍等，再扫描 C:WEIGH。</translation>
    </message>
    <message>
        <source>No steady weight from the scale: wait or type it.</source>
        <translation>秤上没有稳定重量：请稍等或手动输入。</translation>
    </message>
    <message>
        <source>Weight {kg:.3f} kg taken from the scale.</source>
        <translation>已从秤读取重量 {kg:.3f} kg。</translation>
    </message>
    <message>
        <source>Packed. Label {index}/{count} printing (SSCC {sscc}). Scan the next tote.</source>
        <translation>已包装。正在打印标签 {index}/{count}（SSCC {sscc}）。请扫描下一个周转箱。</translation>
    </message>
    <message>
        <source>Carton {index} closed, label printing. Fill carton {next}.</source>
        <translation>第 {index} 箱已封，正在打印标签。请装第 {next} 箱。</translation>
    </message>
    <message>
        <source>Packed. Carton {index} of order {order} is waiting for its label; it prints by itself. Scan the next tote.</source>
        <translation>已打包。订单 {order} 的第 {index} 箱正在等待面单，面单会自动打印。请扫描下一个周转箱。</translation>
    </message>
    <message>
        <source>Carton {index} of order {order} is waiting for its label; it prints by itself. Fill carton {next}.</source>
        <translation>订单 {order} 的第 {index} 箱正在等待面单，面单会自动打印。请装第 {next} 箱。</translation>
    </message>
    <message>
        <source>⏳ Carton {index} of order {order} is waiting for its label; it prints by itself.</source>
        <translation>⏳ 订单 {order} 的第 {index} 箱正在等待面单，面单会自动打印。</translation>
    </message>
    <message>
        <source>✖ The carrier refused a waiting label: {reason}. Call a lead.</source>
        <translation>✖ 承运商拒绝了一张等待中的面单：{reason}。请呼叫组长。</translation>
    </message>
    <message>
        <source>Lead badge {badge}: type the PIN and the reason.</source>
        <translation>组长工牌 {badge}：请输入 PIN 和原因。</translation>
    </message>
    <message>
        <source>Give a reason for the override.</source>
        <translation>请填写授权原因。</translation>
    </message>
    <message>
        <source>PIN locked after too many wrong PINs. Try again in {minutes} min or ask another lead to unlock it.</source>
        <translation>PIN 输错次数过多，已锁定。请在 {minutes} 分钟后重试，或请另一位班组长解锁。</translation>
    </message>
    <message>
        <source>{lead} allowed {kg:.3f} kg for this carton.</source>
        <translation>{lead} 已授权本箱按 {kg:.3f} kg 发货。</translation>
    </message>
    <message>
        <source>{lead} allowed closing with open lines. Close the carton.</source>
        <translation>{lead} 已允许在有未完成行时封箱。请封箱。</translation>
    </message>
    <message>
        <source>Nothing to reprint at this station yet.</source>
        <translation>本工位暂无可重印的标签。</translation>
    </message>
    <message>
        <source>Label sent again.</source>
        <translation>标签已重新发送。</translation>
    </message>
    <message>
        <source>⚠ Printer {printer}: {problem}. The label waits and prints when it is back.</source>
        <translation>⚠ 打印机 {printer}：{problem}。标签会等待，打印机恢复后自动打印。</translation>
    </message>
    <message>
        <source>✖ Printer {printer} refused the label: {problem}. Call a lead.</source>
        <translation>✖ 打印机 {printer} 拒绝了标签：{problem}。请呼叫组长。</translation>
    </message>
    <message>
        <source>Scan a tote, an order or a pick list to start packing.</source>
        <translation>扫描周转箱、订单或拣货单开始包装。</translation>
    </message>
    <message>
        <source>Packing station</source>
        <translation>包装台</translation>
    </message>
    <message>
        <source> · tote {tote}</source>
        <translation> · 周转箱 {tote}</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>订单 {order}</translation>
    </message>
</context>
<context>
    <name>PackerTexts</name>
    <message>
        <source>{name}: {quantity} packed.</source>
        <translation>{name}：已装 {quantity} 件。</translation>
    </message>
    <message>
        <source>Serial {detail} is packed already (another order or carton). Put the unit aside, call a lead.</source>
        <translation>序列号 {detail} 已装箱（其他订单或箱子）。请将该件放到一边，并呼叫组长。</translation>
    </message>
    <message>
        <source>{name}: {quantity} taken out again.</source>
        <translation>{name}：已取出 {quantity} 件。</translation>
    </message>
    <message>
        <source>Nothing in this carton to take out.</source>
        <translation>箱中没有可取出的商品。</translation>
    </message>
    <message>
        <source>WRONG ITEM ({detail}): not in this order. Put it aside.</source>
        <translation>错误商品（{detail}）：不属于此订单。请放到一边。</translation>
    </message>
    <message>
        <source>EXTRA ITEM: {name} is complete. Put it aside.</source>
        <translation>多余商品：{name} 已装齐。请放到一边。</translation>
    </message>
    <message>
        <source>Serial {detail} is in this order already.</source>
        <translation>序列号 {detail} 已在此订单中。</translation>
    </message>
    <message>
        <source>{detail} is not an item. Scan the item&apos;s barcode.</source>
        <translation>{detail} 不是商品。请扫描商品条码。</translation>
    </message>
    <message>
        <source>Bad barcode: {detail}</source>
        <translation>条码错误：{detail}</translation>
    </message>
    <message>
        <source>{detail} is more than the {quantity} of {name} still to pack. Count again and type the count + Enter.</source>
        <translation>{detail} 多于 {name} 尚需包装的 {quantity} 件。请重新清点，输入数量后按回车。</translation>
    </message>
    <message>
        <source>Type how many of {name} go into the carton (1 or more) + Enter.</source>
        <translation>输入放入纸箱的 {name} 数量（至少 1），然后按回车。</translation>
    </message>
    <message>
        <source>{name}: now scan its serial number (the S/N barcode), or type it.</source>
        <translation>{name}：请扫描它的序列号（S/N 条码），或手动输入。</translation>
    </message>
    <message>
        <source>That was not a serial number. Scan the serial (S/N) of {name}, or C:UNDO to put it aside.</source>
        <translation>这不是序列号。请扫描 {name} 的序列号（S/N），或扫描 C:UNDO 将其放到一边。</translation>
    </message>
    <message>
        <source>{detail} is not a serial number (1 to 40 characters, no spaces). Scan the S/N barcode of {name}.</source>
        <translation>{detail} 不是序列号（1 到 40 个字符，不含空格）。请扫描 {name} 的 S/N 条码。</translation>
    </message>
    <message>
        <source>{name} needs a serial per unit: scan the units one by one.</source>
        <translation>{name} 每件都需要序列号：请逐件扫描。</translation>
    </message>
    <message>
        <source>{name} put aside without a serial: it is not packed.</source>
        <translation>{name} 未扫描序列号，已放到一边：未装箱。</translation>
    </message>
    <message>
        <source>No barcode: type the count of {name} + Enter.</source>
        <translation>无条码：输入 {name} 的数量后按回车。</translation>
    </message>
    <message>
        <source>The carton is empty: scan items into it first.</source>
        <translation>箱子是空的：请先扫描商品装箱。</translation>
    </message>
    <message>
        <source>No carton types are set up: a lead adds them (shipshape package-types --set FILE).</source>
        <translation>尚未设置箱型：请组长添加（shipshape package-types --set FILE）。</translation>
    </message>
    <message>
        <source>Lines are still open: scan the missing items, or a lead overrides.</source>
        <translation>仍有未完成行：请扫描缺少的商品，或由组长授权。</translation>
    </message>
    <message>
        <source>Scan the serial number of the last item first (or C:UNDO).</source>
        <translation>请先扫描上一件商品的序列号（或扫描 C:UNDO）。</translation>
    </message>
    <message>
        <source>That weight cannot be right: weigh the carton again (C:WEIGH).</source>
        <translation>这个重量不可能正确：请重新称重（C:WEIGH）。</translation>
    </message>
    <message>
        <source>This station has a scale: weigh the carton (scan C:WEIGH). To ship a typed weight, a lead scans their badge and enters PIN and reason.</source>
        <translation>本工位配有电子秤：请称重（扫描 C:WEIGH）。要按手动输入的重量发货，需组长扫描工牌并输入 PIN 和原因。</translation>
    </message>
    <message>
        <source>Weight {kg:.3f} kg, expected {expected:.3f} kg (±{allowed:.3f}): an item missing or extra? Check the carton and weigh again, or a lead allows this weight: badge, PIN and reason.</source>
        <translation>重量 {kg:.3f} kg，预期 {expected:.3f} kg（±{allowed:.3f}）：少件或多件？请检查箱子并重新称重，或由组长授权此重量：工牌、PIN 和原因。</translation>
    </message>
    <message>
        <source>⚠ Short pick</source>
        <translation>⚠ 拣货短缺</translation>
    </message>
    <message>
        <source>⚠ On hold</source>
        <translation>⚠ 暂停</translation>
    </message>
    <message>
        <source>⚠ Exception</source>
        <translation>⚠ 异常</translation>
    </message>
    <message>
        <source>⚠ Not picked yet</source>
        <translation>⚠ 尚未拣货</translation>
    </message>
    <message>
        <source>Packed already</source>
        <translation>已打包过</translation>
    </message>
    <message>
        <source>Shipped already</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>✖ Cancelled</source>
        <translation>✖ 已取消</translation>
    </message>
    <message>
        <source>Scan a tote, an order or a pick list to start packing.</source>
        <translation>扫描周转箱、订单或拣货单开始包装。</translation>
    </message>
    <message>
        <source>Scan the items into the carton.</source>
        <translation>请把商品逐件扫描装箱。</translation>
    </message>
    <message>
        <source>No number is expected now. {expected}</source>
        <translation>现在不需要输入数字。{expected}</translation>
    </message>
</context>
<context>
    <name>ParcelLinesModel</name>
    <message>
        <source>Item</source>
        <translation>货品</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预告退回</translation>
    </message>
    <message>
        <source>This parcel</source>
        <translation>本包裹</translation>
    </message>
    <message>
        <source>Lots / serials</source>
        <translation>批次/序列号</translation>
    </message>
    <message>
        <source>resell</source>
        <translation>可再售</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>wrong item</source>
        <translation>错误货品</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>PickerHome</name>
    <message>
        <source>Send cart to packing</source>
        <translation>推车送去打包</translation>
    </message>
    <message>
        <source>Next pick list</source>
        <translation>下一张拣货单</translation>
    </message>
</context>
<context>
    <name>PickerMessages</name>
    <message>
        <source>Location empty</source>
        <translation>库位为空</translation>
    </message>
    <message>
        <source>Not found here</source>
        <translation>此处找不到</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>Wrong item in location</source>
        <translation>库位里是别的商品</translation>
    </message>
    <message>
        <source>Checking tote {tote}…</source>
        <translation>正在检查周转箱 {tote}…</translation>
    </message>
    <message>
        <source>Tote {tote} is for order {order}. Scan the next tote.</source>
        <translation>周转箱 {tote} 用于订单 {order}。请扫描下一个周转箱。</translation>
    </message>
    <message>
        <source>Cart ready. Go to the first location.</source>
        <translation>推车已备好。请去第一个库位。</translation>
    </message>
    <message>
        <source>That is not a tote. Scan a tote (T:…) for order {order}.</source>
        <translation>这不是周转箱。请为订单 {order} 扫描周转箱（T:…）。</translation>
    </message>
    <message>
        <source>Tote {tote} is already on this cart for order {order}. Take another.</source>
        <translation>周转箱 {tote} 已在本推车上用于订单 {order}。请换一个。</translation>
    </message>
    <message>
        <source>Tote {tote} is in use for another order. Take an empty tote.</source>
        <translation>周转箱 {tote} 正被其他订单使用。请拿一个空周转箱。</translation>
    </message>
    <message>
        <source>Scan not readable: {error}</source>
        <translation>无法识别扫描：{error}</translation>
    </message>
    <message>
        <source>Location {location} correct. Scan the item.</source>
        <translation>库位 {location} 正确。请扫描商品。</translation>
    </message>
    <message>
        <source>Wrong location {scanned}. Go to {expected}.</source>
        <translation>库位错误 {scanned}。请去 {expected}。</translation>
    </message>
    <message>
        <source>Scan the location {expected} first.</source>
        <translation>请先扫描库位 {expected}。</translation>
    </message>
    <message>
        <source>Wrong item. Take {name} ({expected}).</source>
        <translation>商品错误。请拿 {name}（{expected}）。</translation>
    </message>
    <message>
        <source>Wrong lot {lot}. Take lot {expected}.</source>
        <translation>批次错误 {lot}。请拿批次 {expected}。</translation>
    </message>
    <message>
        <source>Lot {lot} expired on {expiry}. Do not pick it: take another unit.</source>
        <translation>批次 {lot} 已于 {expiry} 过期。不要拣它：请换一件。</translation>
    </message>
    <message>
        <source>Too many: only {remaining} needed. Put the extra back.</source>
        <translation>太多了：只需要 {remaining} 件。请把多的放回去。</translation>
    </message>
    <message>
        <source>{count} of {quantity}. Scan the next one, or the tote {tote}.</source>
        <translation>{count} / {quantity}。扫描下一件，或扫描周转箱 {tote}。</translation>
    </message>
    <message>
        <source>{count} of {quantity}. Put them in tote {tote} and scan it.</source>
        <translation>{count} / {quantity}。放入周转箱 {tote} 并扫描它。</translation>
    </message>
    <message>
        <source>Type a number from 1 to {remaining}.</source>
        <translation>请输入 1 到 {remaining} 之间的数字。</translation>
    </message>
    <message>
        <source>Scan the item first.</source>
        <translation>请先扫描商品。</translation>
    </message>
    <message>
        <source>No number is expected now. {expected}</source>
        <translation>现在不需要输入数字。{expected}</translation>
    </message>
    <message>
        <source>Scan one {name} first, then type the count.</source>
        <translation>请先扫描一件 {name}，再输入数量。</translation>
    </message>
    <message>
        <source>{count} of {quantity}. Now scan the lot label: lot {expected}.</source>
        <translation>{count} / {quantity}。现在请扫描批次标签：批次 {expected}。</translation>
    </message>
    <message>
        <source>{count} of {quantity}. Now scan the lot label on the item.</source>
        <translation>{count} / {quantity}。现在请扫描商品上的批次标签。</translation>
    </message>
    <message>
        <source>Scan the lot label first: lot {expected}. Then the tote.</source>
        <translation>请先扫描批次标签：批次 {expected}。然后扫描周转箱。</translation>
    </message>
    <message>
        <source>This cart holds several orders: put them in tote {tote} and scan the tote.</source>
        <translation>本拣货车有多个订单：请放入周转箱 {tote} 并扫描该周转箱。</translation>
    </message>
    <message>
        <source>Wrong tote {scanned}. This goes in tote {expected}.</source>
        <translation>周转箱错误 {scanned}。应放入周转箱 {expected}。</translation>
    </message>
    <message>
        <source>Picked {count} into tote {tote}.</source>
        <translation>已拣 {count} 件放入周转箱 {tote}。</translation>
    </message>
    <message>
        <source>Picked {count} into tote {tote}; {remaining} still to pick here.</source>
        <translation>已拣 {count} 件放入周转箱 {tote}；此处还需拣 {remaining} 件。</translation>
    </message>
    <message>
        <source>Done. Take the cart to packing.</source>
        <translation>完成。请把推车送去打包。</translation>
    </message>
    <message>
        <source>Scan a tote for every order first.</source>
        <translation>请先为每个订单扫描周转箱。</translation>
    </message>
    <message>
        <source>Scan the location first.</source>
        <translation>请先扫描库位。</translation>
    </message>
    <message>
        <source>Scan the lot label first, then the tote.</source>
        <translation>请先扫描批次标签，再扫描周转箱。</translation>
    </message>
    <message>
        <source>This list is finished.</source>
        <translation>这张拣货单已完成。</translation>
    </message>
    <message>
        <source>Nothing to report short here.</source>
        <translation>这里没有可报缺的任务。</translation>
    </message>
    <message>
        <source>Short: found {found} of {quantity}. Reason: {reason_name}. C:NEXT other reason · C:CONFIRM report · C:CANCEL back</source>
        <translation>缺货：找到 {found} / {quantity}。原因：{reason_name}。C:NEXT 换原因 · C:CONFIRM 上报 · C:CANCEL 返回</translation>
    </message>
    <message>
        <source>Short: found {found} of {quantity}. Reason: {reason_name}. C:NEXT other reason · put the {found} in tote {tote} and scan it to report · C:CANCEL back</source>
        <translation>缺货：找到 {found} / {quantity}。原因：{reason_name}。C:NEXT 换原因 · 把 {found} 件放入周转箱 {tote} 并扫描它以上报 · C:CANCEL 返回</translation>
    </message>
    <message>
        <source>Put the {found} found in tote {tote} and scan the tote to report.</source>
        <translation>把找到的 {found} 件放入周转箱 {tote}，扫描该周转箱以上报。</translation>
    </message>
    <message>
        <source>Scan the lot label of the {found} in hand first, or C:CANCEL to put them back.</source>
        <translation>请先扫描手中 {found} 件的批次标签，或扫描 C:CANCEL 放回。</translation>
    </message>
    <message>
        <source>Reported short by {shortfall}. Put {found} found in tote {tote}.</source>
        <translation>已上报缺 {shortfall} 件。把找到的 {found} 件放入周转箱 {tote}。</translation>
    </message>
    <message>
        <source>Short cancelled.</source>
        <translation>已取消报缺。</translation>
    </message>
    <message>
        <source>Nothing to skip here.</source>
        <translation>这里没有可跳过的任务。</translation>
    </message>
    <message>
        <source>Postponed: {location} comes again at the end.</source>
        <translation>已推迟：{location} 将在最后再来。</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>Undone: take the {count} back out of tote {tote}.</source>
        <translation>已撤销：请从周转箱 {tote} 取回 {count} 件。</translation>
    </message>
    <message>
        <source>Count cleared. Scan the item again.</source>
        <translation>计数已清除。请重新扫描商品。</translation>
    </message>
    <message>
        <source>Nothing to cancel.</source>
        <translation>没有可取消的操作。</translation>
    </message>
    <message>
        <source>Command {command} does nothing here.</source>
        <translation>命令 {command} 在这里无效。</translation>
    </message>
    <message>
        <source>Choose a reason first: C:NEXT, then C:CONFIRM.</source>
        <translation>请先选择原因：C:NEXT，然后 C:CONFIRM。</translation>
    </message>
    <message>
        <source>All picked. Scan C:CONFIRM to send the cart to packing.</source>
        <translation>全部拣完。扫描 C:CONFIRM 把推车送去打包。</translation>
    </message>
    <message>
        <source>This list is finished. Scan C:NEXT for the next one.</source>
        <translation>这张拣货单已完成。扫描 C:NEXT 领取下一张。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: {error}. Scan again.</source>
        <translation>未保存：{error}。请重新扫描。</translation>
    </message>
    <message>
        <source>Looking for your pick list…</source>
        <translation>正在查找你的拣货单…</translation>
    </message>
    <message>
        <source>No pick list waiting. Scan C:NEXT to look again.</source>
        <translation>没有等待中的拣货单。扫描 C:NEXT 再找一次。</translation>
    </message>
    <message>
        <source>Offline: a new pick list can only be claimed when the network is back ({waiting} waiting). Scan C:NEXT to try again.</source>
        <translation>离线：网络恢复后才能领取新的拣货单（等待中 {waiting} 张）。扫描 C:NEXT 重试。</translation>
    </message>
    <message>
        <source>Could not load work: {error}. Scan C:NEXT to try again.</source>
        <translation>无法加载任务：{error}。扫描 C:NEXT 重试。</translation>
    </message>
    <message>
        <source>Your shift lead gave this list to someone else. Stop picking it.</source>
        <translation>班组长已把这张拣货单交给别人。请停止拣货。</translation>
    </message>
    <message>
        <source>Scan a tote for the cart.</source>
        <translation>请为拣货车扫描一个周转箱。</translation>
    </message>
    <message>
        <source>Choose a reason, then scan the tote or C:CONFIRM.</source>
        <translation>请选择原因，然后扫描周转箱或 C:CONFIRM。</translation>
    </message>
    <message>
        <source>Scan C:CONFIRM to send the cart to packing.</source>
        <translation>请扫描 C:CONFIRM 把拣货车送去包装。</translation>
    </message>
    <message>
        <source>Scan C:NEXT for the next pick list.</source>
        <translation>请扫描 C:NEXT 领取下一张拣货单。</translation>
    </message>
    <message>
        <source>② No barcode: type the count</source>
        <translation>② 无条码：请输入数量</translation>
    </message>
    <message>
        <source>③ Scan the tote or confirm</source>
        <translation>③ 扫描周转箱或确认</translation>
    </message>
    <message>
        <source>Scan a tote for this order</source>
        <translation>为此订单扫描周转箱</translation>
    </message>
    <message>
        <source>① Scan the location</source>
        <translation>① 扫描库位</translation>
    </message>
    <message>
        <source>② Scan the item</source>
        <translation>② 扫描商品</translation>
    </message>
    <message>
        <source>② Scan the lot label</source>
        <translation>② 扫描批次标签</translation>
    </message>
    <message>
        <source>③ Scan the tote</source>
        <translation>③ 扫描周转箱</translation>
    </message>
    <message>
        <source>Report short</source>
        <translation>上报缺货</translation>
    </message>
    <message>
        <source>All picked</source>
        <translation>全部拣完</translation>
    </message>
    <message>
        <source>Cart to packing</source>
        <translation>推车去打包</translation>
    </message>
</context>
<context>
    <name>PrinterDialog</name>
    <message>
        <source>Label printer for this station</source>
        <translation>本工位的标签打印机</translation>
    </message>
    <message>
        <source>Use this printer</source>
        <translation>使用此打印机</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
    <name>RatesPanel</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Lines/h</source>
        <translation>行/小时</translation>
    </message>
    <message>
        <source>Units/h</source>
        <translation>件/小时</translation>
    </message>
    <message>
        <source>Choose a range</source>
        <translation>请选择时间区间</translation>
    </message>
    <message>
        <source>Lines and units per hour: nobody picked or packed</source>
        <translation>每小时行数和件数：无人拣货或打包</translation>
    </message>
    <message>
        <source>Lines and units per hour</source>
        <translation>每小时行数和件数</translation>
    </message>
    <message>
        <source>picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>packer</source>
        <translation>打包员</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign</source>
        <translation>重新分配</translation>
    </message>
    <message>
        <source>Give {what} to:</source>
        <translation>把 {what} 交给：</translation>
    </message>
</context>
<context>
    <name>ReceiptLinesModel</name>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Put away</source>
        <translation>已上架</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>not on the receipt</source>
        <translation>不在收货单上</translation>
    </message>
    <message>
        <source>over by {n}</source>
        <translation>多收 {n}</translation>
    </message>
    <message>
        <source>{n} in receiving</source>
        <translation>{n} 待上架</translation>
    </message>
</context>
<context>
    <name>ReceivingPage</name>
    <message>
        <source>No receipt open: scan one</source>
        <translation>未打开收货单：请扫描</translation>
    </message>
    <message>
        <source>Receipt {receipt} · {supplier}</source>
        <translation>收货单 {receipt} · {supplier}</translation>
    </message>
    <message>
        <source>{sku}: scan the lot</source>
        <translation>{sku}：请扫描批号</translation>
    </message>
    <message>
        <source> lot {lot}</source>
        <translation> 批号 {lot}</translation>
    </message>
    <message>
        <source>In hand: {quantity} × {sku}{lot}</source>
        <translation>手上：{quantity} × {sku}{lot}</translation>
    </message>
    <message>
        <source>Nothing in hand</source>
        <translation>手上没有货</translation>
    </message>
    <message>
        <source>Last put away at</source>
        <translation>上次上架到</translation>
    </message>
    <message>
        <source>Scan the location you put it in</source>
        <translation>请扫描放入的库位</translation>
    </message>
    <message>
        <source>Put it away at (scan the location)</source>
        <translation>请上架到（扫描库位）</translation>
    </message>
</context>
<context>
    <name>ReceivingTexts</name>
    <message>
        <source>Scan the receipt (its number or the pallet&apos;s SSCC label).</source>
        <translation>请扫描收货单（单号或托盘 SSCC 标签）。</translation>
    </message>
    <message>
        <source>Scan the receipt first (its number or the pallet&apos;s SSCC label).</source>
        <translation>请先扫描收货单（单号或托盘 SSCC 标签）。</translation>
    </message>
    <message>
        <source>Looking up {code}…</source>
        <translation>正在查找 {code}…</translation>
    </message>
    <message>
        <source>Receipt {receipt} from {supplier}. Scan the items.</source>
        <translation>收货单 {receipt}（{supplier}）。请扫描商品。</translation>
    </message>
    <message>
        <source>NO RECEIPT {code}. Check the delivery papers or ask a lead.</source>
        <translation>没有收货单 {code}。请核对送货单据或询问班组长。</translation>
    </message>
    <message>
        <source>Receipt {receipt} is closed. Nothing more goes on it.</source>
        <translation>收货单 {receipt} 已关闭，不能再收货。</translation>
    </message>
    <message>
        <source>Checking {gtin}…</source>
        <translation>正在检查 {gtin}…</translation>
    </message>
    <message>
        <source>RECEIVED {sku}: {quantity} in hand. Scan more, type the count, or scan the location.</source>
        <translation>已收货 {sku}：手上 {quantity} 件。继续扫描、输入数量，或扫描库位。</translation>
    </message>
    <message>
        <source>OVER-RECEIPT {sku}: {received} received, {expected} expected. Put it away, it is flagged.</source>
        <translation>多收 {sku}：收到 {received}，预期 {expected}。请上架，已标记。</translation>
    </message>
    <message>
        <source>NOT ON THE RECEIPT: {sku} {name}. Received and flagged for the lead.</source>
        <translation>不在收货单上：{sku} {name}。已收货并标记给班组长。</translation>
    </message>
    <message>
        <source>UNKNOWN ITEM {gtin}. Not received: put it aside for a lead.</source>
        <translation>未知商品 {gtin}。未收货：请放在一边交给班组长。</translation>
    </message>
    <message>
        <source>{sku} needs its lot: scan the lot label.</source>
        <translation>{sku} 需要批号：请扫描批号标签。</translation>
    </message>
    <message>
        <source>Put away the {quantity} × {sku} in hand first (scan the location), or C:CANCEL.</source>
        <translation>请先上架手上的 {quantity} × {sku}（扫描库位），或扫 C:CANCEL。</translation>
    </message>
    <message>
        <source>Nothing in hand: scan an item first.</source>
        <translation>手上没有货：请先扫描商品。</translation>
    </message>
    <message>
        <source>Checking {location}…</source>
        <translation>正在检查 {location}…</translation>
    </message>
    <message>
        <source>NO LOCATION {location}. Scan the location&apos;s label.</source>
        <translation>没有库位 {location}。请扫描库位标签。</translation>
    </message>
    <message>
        <source>PUT AWAY {quantity} × {sku} at {location}.</source>
        <translation>已上架 {quantity} × {sku} 到 {location}。</translation>
    </message>
    <message>
        <source>PUT AWAY {quantity} × {sku} at {location} (suggested: {suggested}).</source>
        <translation>已上架 {quantity} × {sku} 到 {location}（建议：{suggested}）。</translation>
    </message>
    <message>
        <source>{quantity} × {sku} in hand. Scan the location.</source>
        <translation>手上 {quantity} × {sku}。请扫描库位。</translation>
    </message>
    <message>
        <source>Scan an item first, then type its count.</source>
        <translation>请先扫描商品，再输入数量。</translation>
    </message>
    <message>
        <source>{typed} is not a count. Type a whole number.</source>
        <translation>{typed} 不是数量。请输入整数。</translation>
    </message>
    <message>
        <source>{quantity} × {sku} set aside in receiving (not stock). Scan the next item.</source>
        <translation>{quantity} × {sku} 留在收货区（不是库存）。请扫描下一件商品。</translation>
    </message>
    <message>
        <source>Left receipt {receipt} open. Scan a receipt.</source>
        <translation>已离开收货单 {receipt}（仍未关闭）。请扫描收货单。</translation>
    </message>
    <message>
        <source>CLOSED receipt {receipt}: everything as announced.</source>
        <translation>收货单 {receipt} 已关闭：全部与预期一致。</translation>
    </message>
    <message>
        <source>CLOSED receipt {receipt}: {count} differences sent to the lead.</source>
        <translation>收货单 {receipt} 已关闭：{count} 项差异已发给班组长。</translation>
    </message>
    <message>
        <source>No receipt open: nothing to close.</source>
        <translation>未打开收货单：没有可关闭的。</translation>
    </message>
    <message>
        <source>Bad barcode: {error}</source>
        <translation>条码有误：{error}</translation>
    </message>
    <message>
        <source>{code} is not a receipt, item or location here.</source>
        <translation>{code} 不是这里的收货单、商品或库位。</translation>
    </message>
    <message>
        <source>NOT SAVED: {error}. Scan again.</source>
        <translation>未保存：{error}。请重新扫描。</translation>
    </message>
    <message>
        <source>Could not check: {error}. Scan again.</source>
        <translation>无法检查：{error}。请重新扫描。</translation>
    </message>
</context>
<context>
    <name>ReturnWords</name>
    <message>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>wrong item</source>
        <translation>错误货品</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>resell</source>
        <translation>可再售</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>no RMA</source>
        <translation>无退货授权</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给原因</translation>
    </message>
    <message>
        <source>being received</source>
        <translation>收货中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>有标记</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>No parcel open: scan the parcel&apos;s label</source>
        <translation>没有打开的包裹：请扫描包裹标签</translation>
    </message>
    <message>
        <source> · RMA {rma} ({reason})</source>
        <translation> · 退货授权 {rma}（{reason}）</translation>
    </message>
    <message>
        <source> · not announced</source>
        <translation> · 未预告</translation>
    </message>
    <message>
        <source>Order {channel}/{order_id}</source>
        <translation>订单 {channel}/{order_id}</translation>
    </message>
    <message>
        <source>{sku}: scan the serial</source>
        <translation>{sku}：请扫描序列号</translation>
    </message>
    <message>
        <source>In hand: {quantity} × {sku} {extra}</source>
        <translation>手上：{quantity} × {sku} {extra}</translation>
    </message>
    <message>
        <source>Nothing in hand</source>
        <translation>手上没有货品</translation>
    </message>
    <message>
        <source>Not as shipped: C:WRONG_ITEM or C:CANCEL</source>
        <translation>与发货不符：C:WRONG_ITEM 或 C:CANCEL</translation>
    </message>
    <message>
        <source>Put it back at (scan the location)</source>
        <translation>放回到（扫描库位）</translation>
    </message>
    <message>
        <source>Its condition? C:RESELL · C:DAMAGED · C:WRONG_ITEM</source>
        <translation>状况？C:RESELL · C:DAMAGED · C:WRONG_ITEM</translation>
    </message>
    <message>
        <source>Resell</source>
        <translation>可再售</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>错误货品</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Undo last</source>
        <translation>撤销上一件</translation>
    </message>
    <message>
        <source>Close parcel</source>
        <translation>关闭包裹</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReturnsTab</name>
    <message>
        <source>All units</source>
        <translation>全部件数</translation>
    </message>
    <message>
        <source>To decision, median</source>
        <translation>到决定，中位数</translation>
    </message>
    <message>
        <source>To decision, p90</source>
        <translation>到决定，p90</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>等待决定</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Restock to location</source>
        <translation>重新上架到库位</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <source>Restock after inspection</source>
        <translation>检验后重新上架</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Choose a row in the quarantine list first.</source>
        <translation>请先在隔离列表中选择一行。</translation>
    </message>
    <message>
        <source>Quarantine: decide each row</source>
        <translation>隔离区：逐行决定</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Received (14 days)</source>
        <translation>已收退货（14 天）</translation>
    </message>
    <message>
        <source>RMAs expected</source>
        <translation>待到退货授权</translation>
    </message>
</context>
<context>
    <name>ReturnsTexts</name>
    <message>
        <source>Scan the parcel: its label, the RMA number or the order number.</source>
        <translation>请扫描包裹：标签、退货授权号或订单号。</translation>
    </message>
    <message>
        <source>Scan the parcel first: its label, the RMA number or the order number.</source>
        <translation>请先扫描包裹：标签、退货授权号或订单号。</translation>
    </message>
    <message>
        <source>Looking up {code}…</source>
        <translation>正在查找 {code}…</translation>
    </message>
    <message>
        <source>NO ORDER FOR {code}. Check the label or the packing slip; ask a lead.</source>
        <translation>找不到 {code} 的订单。请检查标签或装箱单；或询问主管。</translation>
    </message>
    <message>
        <source>ORDER {channel}/{order_id} IS {status}, NOT SHIPPED. Put it aside for a lead.</source>
        <translation>订单 {channel}/{order_id} 状态为 {status}，尚未发货。请放到一边交给主管。</translation>
    </message>
    <message>
        <source>Order {channel}/{order_id}. Scan each item.</source>
        <translation>订单 {channel}/{order_id}。请逐件扫描货品。</translation>
    </message>
    <message>
        <source>RESUMED: order {channel}/{order_id}, {items} unit(s) taken in already. Scan the next item.</source>
        <translation>继续：订单 {channel}/{order_id}，已收下 {items} 件。请扫描下一件。</translation>
    </message>
    <message>
        <source>Checking {gtin}…</source>
        <translation>正在检查 {gtin}…</translation>
    </message>
    <message>
        <source>UNKNOWN ITEM {gtin}. Not taken in: put it aside for a lead.</source>
        <translation>未知货品 {gtin}。未收下：请放到一边交给主管。</translation>
    </message>
    <message>
        <source>{quantity} × {sku} in hand. Scan its condition: C:RESELL, C:DAMAGED.</source>
        <translation>手上 {quantity} × {sku}。请扫描状况：C:RESELL、C:DAMAGED。</translation>
    </message>
    <message>
        <source>{sku} needs its serial: scan the serial label.</source>
        <translation>{sku} 需要序列号：请扫描序列号标签。</translation>
    </message>
    <message>
        <source>NOT IN THIS ORDER: {sku}. Scan C:WRONG_ITEM to take it in, or C:CANCEL.</source>
        <translation>不在此订单中：{sku}。扫描 C:WRONG_ITEM 收下，或 C:CANCEL。</translation>
    </message>
    <message>
        <source>SERIAL {serial} WAS NOT SHIPPED on this order. C:WRONG_ITEM or C:CANCEL.</source>
        <translation>序列号 {serial} 不是此订单发出的。C:WRONG_ITEM 或 C:CANCEL。</translation>
    </message>
    <message>
        <source>SERIAL {serial} CAME BACK ALREADY. C:WRONG_ITEM or C:CANCEL.</source>
        <translation>序列号 {serial} 已退回过。C:WRONG_ITEM 或 C:CANCEL。</translation>
    </message>
    <message>
        <source>MORE THAN SHIPPED: {quantity} × {sku}. C:WRONG_ITEM, C:CANCEL or type the count.</source>
        <translation>超过发货数量：{quantity} × {sku}。C:WRONG_ITEM、C:CANCEL 或输入数量。</translation>
    </message>
    <message>
        <source>{sku} is flagged: only C:WRONG_ITEM takes it in (or C:CANCEL).</source>
        <translation>{sku} 有标记：只能用 C:WRONG_ITEM 收下（或 C:CANCEL）。</translation>
    </message>
    <message>
        <source>Decide the {quantity} × {sku} in hand first: scan its condition or C:CANCEL.</source>
        <translation>请先处理手上的 {quantity} × {sku}：扫描状况或 C:CANCEL。</translation>
    </message>
    <message>
        <source>Finding a place for {sku}…</source>
        <translation>正在为 {sku} 找库位…</translation>
    </message>
    <message>
        <source>RESELL {quantity} × {sku}: put it back and scan the location.</source>
        <translation>可再售 {quantity} × {sku}：放回并扫描库位。</translation>
    </message>
    <message>
        <source>Checking {location}…</source>
        <translation>正在检查 {location}…</translation>
    </message>
    <message>
        <source>NO LOCATION {location}. Scan the location&apos;s label.</source>
        <translation>没有库位 {location}。请扫描库位标签。</translation>
    </message>
    <message>
        <source>BACK IN STOCK: {quantity} × {sku} at {location}.</source>
        <translation>已回库存：{quantity} × {sku} 在 {location}。</translation>
    </message>
    <message>
        <source>BACK IN STOCK: {quantity} × {sku} at {location} (suggested: {suggested}).</source>
        <translation>已回库存：{quantity} × {sku} 在 {location}（建议：{suggested}）。</translation>
    </message>
    <message>
        <source>QUARANTINE: {quantity} × {sku}. Put it in the quarantine cage.</source>
        <translation>隔离：{quantity} × {sku}。请放入隔离笼。</translation>
    </message>
    <message>
        <source>EXPIRED LOT {lot}: {quantity} × {sku} to the quarantine cage, not stock.</source>
        <translation>批次 {lot} 已过期：{quantity} × {sku} 放入隔离笼，不回库存。</translation>
    </message>
    <message>
        <source>{units} announced unit(s) recorded missing. Scan C:CLOSE.</source>
        <translation>已记录 {units} 件预告货品缺失。请扫描 C:CLOSE。</translation>
    </message>
    <message>
        <source>Nothing announced is missing.</source>
        <translation>预告的货品没有缺失。</translation>
    </message>
    <message>
        <source>Nothing in hand: scan an item first.</source>
        <translation>手上没有货品：请先扫描货品。</translation>
    </message>
    <message>
        <source>{quantity} × {sku} in hand. Scan its condition.</source>
        <translation>手上 {quantity} × {sku}。请扫描状况。</translation>
    </message>
    <message>
        <source>{typed} is not a count here. Type a whole number (one scan per serial).</source>
        <translation>{typed} 不是有效数量。请输入整数（有序列号的货品每件扫一次）。</translation>
    </message>
    <message>
        <source>Scan an item first.</source>
        <translation>请先扫描货品。</translation>
    </message>
    <message>
        <source>{units} announced unit(s) not scanned yet: scan them, or C:MISSING.</source>
        <translation>还有 {units} 件预告货品未扫描：请扫描，或 C:MISSING。</translation>
    </message>
    <message>
        <source>Nothing taken in from this parcel yet: scan the items.</source>
        <translation>此包裹还没有收下任何货品：请扫描货品。</translation>
    </message>
    <message>
        <source>CLOSED: return of {channel}/{order_id} sent to the shop. Scan the next parcel.</source>
        <translation>已关闭：{channel}/{order_id} 的退货已通知店铺。请扫描下一个包裹。</translation>
    </message>
    <message>
        <source>No parcel open: nothing to close.</source>
        <translation>没有打开的包裹：无需关闭。</translation>
    </message>
    <message>
        <source>{quantity} × {sku} not taken in. Scan the next item.</source>
        <translation>{quantity} × {sku} 未收下。请扫描下一件。</translation>
    </message>
    <message>
        <source>Left the parcel of {channel}/{order_id}: what was taken in stays, scan it again to go on.</source>
        <translation>已离开 {channel}/{order_id} 的包裹：已收下的保留，再次扫描该包裹即可继续。</translation>
    </message>
    <message>
        <source>Checking {location} for {quantity} × {sku}…</source>
        <translation>正在检查 {location} 的 {quantity} × {sku}…</translation>
    </message>
    <message>
        <source>UNDONE: {quantity} × {sku} taken back. Take it off {location}, then scan it again.</source>
        <translation>已撤销：{quantity} × {sku}。请从 {location} 取下，然后重新扫描。</translation>
    </message>
    <message>
        <source>UNDONE: {quantity} × {sku} taken back. Take it out of the cage, then scan it again.</source>
        <translation>已撤销：{quantity} × {sku}。请从隔离笼取出，然后重新扫描。</translation>
    </message>
    <message>
        <source>UNDONE: {quantity} × {sku} no longer missing. Scan it, or C:MISSING.</source>
        <translation>已撤销：{quantity} × {sku} 不再记为缺失。请扫描该商品或 C:MISSING。</translation>
    </message>
    <message>
        <source>Nothing taken in on this parcel: nothing to undo.</source>
        <translation>此包裹尚未收货：没有可撤销的。</translation>
    </message>
    <message>
        <source>{quantity} × {sku} cannot be undone here: ask a lead.</source>
        <translation>{quantity} × {sku} 无法在此撤销：请找主管。</translation>
    </message>
    <message>
        <source>CANNOT UNDO: only {free} of {quantity} × {sku} free at {location} now. Ask a lead.</source>
        <translation>无法撤销：{location} 现在只剩 {free} 件可用（共 {quantity} × {sku}）。请找主管。</translation>
    </message>
    <message>
        <source>Bad barcode: {error}</source>
        <translation>条码错误：{error}</translation>
    </message>
    <message>
        <source>{code} is not a parcel, item or location here.</source>
        <translation>{code} 在这里不是包裹、货品或库位。</translation>
    </message>
    <message>
        <source>NOT SAVED: {error}. Scan again.</source>
        <translation>未保存：{error}。请重新扫描。</translation>
    </message>
    <message>
        <source>Could not check: {error}. Scan again.</source>
        <translation>无法检查：{error}。请重新扫描。</translation>
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
    <message>
        <source>Scan a load unit, then the parcels.</source>
        <translation>请先扫描装载单元，再扫描包裹。</translation>
    </message>
    <message>
        <source>Receive, count or move stock by scanning.</source>
        <translation>扫描即可收货、盘点或移库。</translation>
    </message>
    <message>
        <source>Scan a returned parcel, then each item and its condition.</source>
        <translation>请扫描退回的包裹，然后扫描每件货品及其状况。</translation>
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
    <message>
        <source>Loader</source>
        <translation>装车员</translation>
    </message>
    <message>
        <source>Stock clerk</source>
        <translation>库管员</translation>
    </message>
    <message>
        <source>Returns clerk</source>
        <translation>退货员</translation>
    </message>
</context>
<context>
    <name>RouteMap</name>
    <message>
        <source>Re-planned · {stops} stops · {metres} m</source>
        <translation>已重新规划 · {stops} 个库位 · {metres} 米</translation>
    </message>
    <message>
        <source>{stops} stops · {metres} m to walk</source>
        <translation>{stops} 个库位 · 步行 {metres} 米</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Site name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>GS1 company prefix</source>
        <translation>GS1 厂商识别代码</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Ship from</source>
        <translation>发货人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Street 2</source>
        <translation>街道 2</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>省/州</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>SSCC next</source>
        <translation>SSCC 下一个</translation>
    </message>
    <message>
        <source>SSCC last</source>
        <translation>SSCC 最后一个</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Add carrier</source>
        <translation>添加承运商</translation>
    </message>
    <message>
        <source>Remove carrier</source>
        <translation>删除承运商</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Settings of {warehouse}</source>
        <translation>{warehouse} 的设置</translation>
    </message>
    <message>
        <source>Settings not loaded: {problem}</source>
        <translation>设置未载入：{problem}</translation>
    </message>
    <message>
        <source>LOW: {n}</source>
        <translation>不足：{n}</translation>
    </message>
    <message>
        <source>This site has no settings yet: packing is blocked until they are saved.</source>
        <translation>本站点尚无设置：保存设置之前无法打包。</translation>
    </message>
    <message>
        <source>Edits to {warehouse}&apos;s settings kept, not saved: Save stores them for {warehouse}; Reload shows the chosen warehouse&apos;s.</source>
        <translation>{warehouse} 设置的修改已保留，尚未保存：“保存设置”存入 {warehouse}；“重新载入”显示所选仓库的设置。</translation>
    </message>
    <message>
        <source>{series} ({n} left)</source>
        <translation>{series}（剩余 {n}）</translation>
    </message>
    <message>
        <source>Numbers running low: {ranges}. Ask for a new range and save it here.</source>
        <translation>号码即将用完：{ranges}。请申请新的号段并在此保存。</translation>
    </message>
    <message>
        <source>Settings saved: packing uses them from the next carton on.</source>
        <translation>设置已保存：从下一个箱子起打包使用新设置。</translation>
    </message>
    <message>
        <source>Settings saved. {warning}</source>
        <translation>设置已保存。{warning}</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>未保存：{problem}</translation>
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
        <source>PIN locked after too many wrong PINs. Try again in {minutes} min or ask another lead to unlock it.</source>
        <translation>PIN 输错次数过多，已锁定。请在 {minutes} 分钟后重试，或请另一位班组长解锁。</translation>
    </message>
    <message>
        <source>Could not sign in ({error}). Try again; if it keeps failing, call your shift lead.</source>
        <translation>无法登录（{error}）。请重试；如果仍然失败，请联系班组长。</translation>
    </message>
</context>
<context>
    <name>SlottingSection</name>
    <message>
        <source>Days of picks</source>
        <translation>拣货天数</translation>
    </message>
    <message>
        <source>Moves at most</source>
        <translation>最多移动次数</translation>
    </message>
    <message>
        <source>Propose moves</source>
        <translation>提出移动建议</translation>
    </message>
    <message>
        <source>Create move tasks</source>
        <translation>创建移库任务</translation>
    </message>
    <message>
        <source>Replaying the pick lists with the exact router…</source>
        <translation>正在用精确路径重放拣货单…</translation>
    </message>
    <message>
        <source>Slotting: propose moves that bring fast movers and products ordered together nearer the depot.</source>
        <translation>储位优化：提出移动建议，把畅销商品和常被一起订购的商品放到离出发点更近的位置。</translation>
    </message>
    <message>
        <source>No pick lists picked in the last {days} days: nothing to replay. Try more days.</source>
        <translation>最近 {days} 天没有拣完的拣货单，无可重放。请选择更多天数。</translation>
    </message>
    <message>
        <source>No move within the limits shortens the walk of {lists} pick lists ({current} m).</source>
        <translation>在限制内没有能缩短 {lists} 张拣货单行走距离（{current} 米）的移动。</translation>
    </message>
    <message>
        <source>−{pct} %: {current} m → {proposed} m over {lists} pick lists of {days} days, {moves} moves, {locations} locations ({share} %)</source>
        <translation>−{pct} %：{current} 米 → {proposed} 米，{days} 天的 {lists} 张拣货单，移动 {moves} 次，{locations} 个库位（{share} %）</translation>
    </message>
    <message>
        <source>{n} move task(s) created</source>
        <translation>已创建 {n} 个移库任务</translation>
    </message>
</context>
<context>
    <name>StandardPanel</name>
    <message>
        <source>Picker-hours vs standard: {percent} on average ({n})</source>
        <translation>拣货员工时对标准：平均 {percent}（{n}）</translation>
    </message>
</context>
<context>
    <name>StandardTable</name>
    <message>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>达标率</translation>
    </message>
</context>
<context>
    <name>StationsModel</name>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <source>waiting to sync: %1</source>
        <translation>待同步：%1</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>尚未同步</translation>
    </message>
</context>
<context>
    <name>TaskView</name>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Report short</source>
        <translation>上报缺货</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Next stops</source>
        <translation>接下来的库位</translation>
    </message>
    <message>
        <source>Take {n}</source>
        <translation>拿 {n} 件</translation>
    </message>
    <message>
        <source>→ Tote {tote}</source>
        <translation>→ 周转箱 {tote}</translation>
    </message>
    <message>
        <source>Stop {n} of {total}</source>
        <translation>第 {n} 站，共 {total} 站</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>订单 {order}</translation>
    </message>
    <message>
        <source>Scan lot {lot}</source>
        <translation>扫描批次 {lot}</translation>
    </message>
    <message>
        <source>Lot {lot}</source>
        <translation>批次 {lot}</translation>
    </message>
    <message>
        <source>No barcode: type the count</source>
        <translation>无条码：请输入数量</translation>
    </message>
    <message>
        <source>Counted {count} of {quantity}</source>
        <translation>已数 {count} / {quantity}</translation>
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
<context>
    <name>TransferMadeBy</name>
    <message>
        <source>lead</source>
        <translation>班组长</translation>
    </message>
    <message>
        <source>auto: {face}</source>
        <translation>自动：{face}</translation>
    </message>
    <message>
        <source>Made by a lead</source>
        <translation>由班组长建立</translation>
    </message>
    <message>
        <source>Made automatically: pick face {face} was below its min with no reserve in {target}</source>
        <translation>自动建立：拣货位 {face} 低于下限，且 {target} 没有储备库存</translation>
    </message>
</context>
<context>
    <name>TransferStatus</name>
    <message>
        <source>open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TransfersSection</name>
    <message>
        <source>Transfers</source>
        <translation>调拨</translation>
    </message>
    <message>
        <source>Cancel transfer…</source>
        <translation>取消调拨…</translation>
    </message>
    <message>
        <source>Make the proposed transfer</source>
        <translation>按建议建立调拨</translation>
    </message>
    <message>
        <source>From</source>
        <translation>调出</translation>
    </message>
    <message>
        <source>To</source>
        <translation>调入</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Make transfer</source>
        <translation>建立调拨</translation>
    </message>
    <message>
        <source>Clear lines</source>
        <translation>清空行</translation>
    </message>
    <message>
        <source>Add at least one SKU and its units.</source>
        <translation>请至少添加一个 SKU 及其数量。</translation>
    </message>
    <message>
        <source>From and To must be two warehouses.</source>
        <translation>调出和调入必须是两个不同的仓库。</translation>
    </message>
    <message>
        <source>Transfer {transfer} made: {units} units from {source} to {target}.</source>
        <translation>已建立调拨单 {transfer}：{units} 件，从 {source} 到 {target}。</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>Cancel transfer {transfer} from {source} to {target}? Its reserved stock at {source} is freed and {target} expects nothing more.</source>
        <translation>取消从 {source} 到 {target} 的调拨单 {transfer}？{source} 为其预留的库存将被释放，{target} 不再等待收货。</translation>
    </message>
    <message>
        <source>Transfer {transfer} cancelled: nothing of it is in transit.</source>
        <translation>调拨单 {transfer} 已取消：没有任何在途货物。</translation>
    </message>
    <message>
        <source>To send: {lines}</source>
        <translation>待调拨：{lines}</translation>
    </message>
</context>
<context>
    <name>WavesTab</name>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Priority at least</source>
        <translation>最低优先级</translation>
    </message>
    <message>
        <source>Ship by before</source>
        <translation>最晚发货时间早于</translation>
    </message>
    <message>
        <source>At most orders (0: all)</source>
        <translation>最多订单数（0：全部）</translation>
    </message>
    <message>
        <source>Orders per cart</source>
        <translation>每车订单数</translation>
    </message>
    <message>
        <source>Max. weight per cart (kg)</source>
        <translation>每车最大重量（千克）</translation>
    </message>
    <message>
        <source>Max. volume per cart (l)</source>
        <translation>每车最大体积（升）</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Preview wave</source>
        <translation>预览波次</translation>
    </message>
    <message>
        <source>Release to the floor</source>
        <translation>下发到现场</translation>
    </message>
    <message>
        <source>Planning… (a few seconds)</source>
        <translation>正在规划…（需要几秒钟）</translation>
    </message>
    <message>
        <source>Choose filters, then preview the next wave.</source>
        <translation>选择筛选条件，然后预览下一个波次。</translation>
    </message>
    <message>
        <source>Wave {name}: {orders} orders, {lines} lines on {carts} carts · {metres:.0f} m walking · about {time} of picking</source>
        <translation>波次 {name}：{orders} 个订单，{lines} 行，{carts} 辆拣货车 · 步行 {metres:.0f} 米 · 约需拣货 {time}</translation>
    </message>
</context>
</TS>
