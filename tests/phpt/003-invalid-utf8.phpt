--TEST--
invalid UTF-8 from Matomo is replaced by U+FFFD instead of breaking the JSON answer
--EXTENSIONS--
matomo_mcp
--FILE--
<?php
require __DIR__ . '/host.inc';
$host = new TestHost(fn () => ['result' => [
    ['idsite' => 1, 'name' => "Caf\xe9 \xff", 'main_url' => "https://x.example/\xc3", 'type' => 'website'],
]]);
$sid = open_session($host);
$answer = matomo_mcp_handle(post(['jsonrpc' => '2.0', 'id' => 2, 'method' => 'tools/call',
    'params' => ['name' => 'matomo_site_list', 'arguments' => new stdClass()]], $sid), facts(), $host);
var_dump(json_decode($answer['body']) !== null);
$site = json_decode($answer['body'], true)['result']['structuredContent']['sites'][0];
var_dump($site['name'] === "Caf\u{FFFD} \u{FFFD}", $site['main_url'] === "https://x.example/\u{FFFD}");
// an invalid UTF-8 request body is a parse error, not a crash
$answer = matomo_mcp_handle(post("{\"jsonrpc\":\"2.0\",\"id\":\"\xff\",\"method\":\"ping\"}", $sid), facts(), $host);
echo $answer['status'], ' ', json_decode($answer['body'], true)['error']['code'], "\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
400 -32700
