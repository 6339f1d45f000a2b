--TEST--
PHP's [] is read as an empty map or an empty list, whichever the place needs; objects become maps
--EXTENSIONS--
matomo_mcp
--FILE--
<?php
require __DIR__ . '/host.inc';
// config [] (an empty INI section) is an empty map; an empty site list is an empty list
$host = new TestHost(fn () => ['result' => []]);
$sid = open_session($host, ['config' => []]);
$out = call_tool($host, $sid, 'matomo_site_list');
echo json_encode($out['result']['structuredContent']), "\n";
// arguments sent as [] by PHP-minded clients count as {}
$answer = matomo_mcp_handle(post('{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"matomo_site_list","arguments":[]}}', $sid), facts(), $host);
echo json_decode($answer['body'], true)['result']['isError'] ? 'error' : 'ok', "\n";
// Matomo answering with an object (stdClass) for a site
$host->api = fn () => ['result' => (object) ['idsite' => 1, 'name' => 'Obj', 'main_url' => 'u', 'type' => 'website',
    'timezone' => 'UTC', 'currency' => 'EUR', 'ecommerce' => '1', 'sitesearch' => 0]];
$out = call_tool($host, $sid, 'matomo_site_get', ['idSite' => 1]);
echo json_encode($out['result']['structuredContent']), "\n";
// a keyed PHP array with integer keys not in 0..n-1 order is a map, not a list
$host->api = fn () => ['result' => [5 => ['idsite' => 5, 'name' => 'Five', 'main_url' => '', 'type' => 'website']]];
echo json_encode(call_tool($host, $sid, 'matomo_site_list')['result']['structuredContent']['sites']), "\n";
// empty JSON objects in the answers stay objects
$caps = matomo_mcp_handle(post(['jsonrpc' => '2.0', 'id' => 6, 'method' => 'ping'], $sid), facts(), $host);
echo $caps['body'], "\n";
?>
--EXPECT--
{"sites":[],"next_cursor":null,"has_more":false,"total_rows":0}
ok
{"idsite":1,"name":"Obj","main_url":"u","timezone":"UTC","timezone_name":"","currency":"EUR","currency_name":"","ecommerce":true,"sitesearch":false,"type":"website"}
[{"idsite":5,"name":"Five","main_url":"","type":"website"}]
{"jsonrpc":"2.0","id":6,"result":{}}
