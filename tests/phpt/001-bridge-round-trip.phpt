--TEST--
matomo_mcp_handle: initialize, then a tool call whose Matomo answer comes from the PHP bridge
--EXTENSIONS--
matomo_mcp
--FILE--
<?php
require __DIR__ . '/host.inc';
$host = new TestHost(function (string $method, array $params) {
    echo "callApi $method ", json_encode($params), "\n";
    return Recording::callApi('viewer', $method, $params);
});
$sid = open_session($host);
var_dump(strlen($sid) >= 32, count($host->sessions));
$out = call_tool($host, $sid, 'matomo_site_list', ['limit' => 1]);
echo json_encode($out['result']['structuredContent']), "\n";
var_dump(phpversion('matomo_mcp') === matomo_mcp_version());
// $_SERVER carried the token in Authorization, REDIRECT_HTTP_AUTHORIZATION and Cookie: never read
$logged = call_tool($host, $sid, 'matomo_site_get', ['idSite' => 1]);
var_dump(str_contains(json_encode([$out, $logged, $host->logs, $host->sessions]), TOKEN));
?>
--EXPECTF--
bool(true)
int(1)
callApi SitesManager.getSitesWithAtLeastViewAccess []
{"sites":[{"idsite":2,"name":"Blog","main_url":"https:\/\/blog.example.test","type":"website"}],"next_cursor":"%s","has_more":true,"total_rows":2}
bool(true)
callApi SitesManager.getSiteFromId {"idSite":1}
bool(false)
