--TEST--
callbacks that throw become tool errors or a 500 JSON-RPC answer, never an uncaught exception
--EXTENSIONS--
matomo_mcp
--FILE--
<?php
require __DIR__ . '/host.inc';
$host = new TestHost(function () { throw new RuntimeException('SQLSTATE[HY000] secret detail'); });
$sid = open_session($host);
$out = call_tool($host, $sid, 'matomo_site_list');
echo json_encode($out['result']), "\n";
echo count(array_filter($host->logs, fn ($l) => str_contains($l, 'RuntimeException: SQLSTATE'))), " log line with the details\n";

class BrokenStore extends TestHost
{
    public function sessionLoad(string $id): ?array { throw new LogicException('db down'); }
    public function log(string $level, string $message): void { throw new Exception('logger down too'); }
}
$broken = new BrokenStore();
$sid = open_session($broken);
$answer = matomo_mcp_handle(post(['jsonrpc' => '2.0', 'id' => 3, 'method' => 'ping'], $sid), facts(), $broken);
echo $answer['status'], ' ', $answer['body'], "\n";

class NoMethods {}
$answer = matomo_mcp_handle(post(['jsonrpc' => '2.0', 'id' => 4, 'method' => 'initialize', 'params' => []]), facts(), new NoMethods());
echo $answer['status'], ' ', $answer['body'], "\n";

class BadReturn extends TestHost
{
    public function callApi(string $method, array $params): array { return ['neither' => 1]; }
}
$bad = new BadReturn();
$out = call_tool($bad, open_session($bad), 'matomo_site_get', ['idSite' => 1]);
echo $out['result']['content'][0]['text'], "\n";
echo "still running\n";
?>
--EXPECT--
{"content":[{"type":"text","text":"Site retrieval failed."}],"isError":true}
1 log line with the details
500 {"jsonrpc":"2.0","id":3,"error":{"code":-32603,"message":"Internal endpoint error."}}
500 {"jsonrpc":"2.0","id":4,"error":{"code":-32603,"message":"Internal endpoint error."}}
Site retrieval failed.
still running
