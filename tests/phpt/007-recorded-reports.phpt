--TEST--
matomo_mcp_handle: report answers from what a real Matomo 5.1.2 handed the bridge (paging, dates, numbers)
--EXTENSIONS--
matomo_mcp
--FILE--
<?php
require __DIR__ . '/host.inc';
$host = new TestHost();
$sid = open_session($host);
$month = ['idSite' => 1, 'period' => 'month', 'date' => 'today', 'reportUniqueId' => 'Actions_getPageUrls'];
// Matomo keeps no row count for one period: a full page says there is more, and no total
$page = call_tool($host, $sid, 'matomo_report_processed', $month + ['filter_limit' => 4])['result']['structuredContent'];
echo json_encode($page['pagination']), "\n";
$all = call_tool($host, $sid, 'matomo_report_processed', $month + ['filter_limit' => 99, 'max_bytes' => 200000])['result']['structuredContent'];
echo json_encode($all['pagination']), "\n";
echo json_encode(array_slice($all['report']['rows'][0], 0, 6)), " ", json_encode($all['report']['column_units']), "\n";
echo json_encode([$all['period']['site_today'], $all['period']['ranges'], $all['period']['label']]), "\n";
// New York at 21:42 on 1 December: Matomo's prettyDate named the 2nd
$ny = new TestHost(fn (string $m, array $p) => Recording::callApi('superuser', $m, $p) ?? ['error' => 'internal', 'message' => 'not recorded']);
$nySession = open_session($ny);
$day = call_tool($ny, $nySession, 'matomo_report_processed', ['idSite' => 3, 'period' => 'day', 'date' => 'today', 'reportUniqueId' => 'VisitsSummary_get', 'filter_limit' => 49]);
echo json_encode([$day['result']['structuredContent']['period']['label'], $day['result']['structuredContent']['report']['rows'][0]]), "\n";
echo implode("\n", $host->logs), "\n";
?>
--EXPECT--
{"filter_limit":4,"filter_offset":0,"returned_rows":4,"total_rows":null,"has_more":true,"next_filter_offset":4,"trimmed_to_max_bytes":false,"max_bytes":60000}
{"filter_limit":99,"filter_offset":0,"returned_rows":9,"total_rows":9,"has_more":false,"next_filter_offset":null,"trimmed_to_max_bytes":false,"max_bytes":200000}
["category",75,65,115,0,17] {"bounce_rate":"percent","avg_time_on_page":"seconds","exit_rate":"percent"}
["2026-12-02",[{"start":"2026-12-01","end":"2026-12-31"}],"December 2026"]
["Tuesday, December 1, 2026",[3,4,12,4,0,3,172]]
