--TEST--
a 100,000-site answer converts and paginates (total_rows exact, page bounded by limit)
--EXTENSIONS--
matomo_mcp
--INI--
memory_limit=512M
--FILE--
<?php
require __DIR__ . '/host.inc';
$sites = [];
for ($i = 1; $i <= 100000; $i++) {
    $sites[] = ['idsite' => (string) $i, 'name' => sprintf('Site %06d', $i), 'main_url' => "https://s$i.example", 'type' => 'website'];
}
$host = new TestHost(fn () => ['result' => $sites]);
$sid = open_session($host);
$out = call_tool($host, $sid, 'matomo_site_list', ['limit' => 500, 'sort' => 'id_desc']);
$data = $out['result']['structuredContent'];
echo count($data['sites']), ' ', $data['total_rows'], ' ', $data['sites'][0]['idsite'], ' ', var_export($data['has_more'], true), "\n";
$next = call_tool($host, $sid, 'matomo_site_list', ['limit' => 500, 'sort' => 'id_desc', 'cursor' => $data['next_cursor']]);
echo $next['result']['structuredContent']['sites'][0]['idsite'], "\n";
?>
--EXPECT--
500 100000 100000 true
99500
