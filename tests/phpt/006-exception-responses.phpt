--TEST--
matomo_mcp_exception_response: Matomo's own exceptions around the endpoint as JSON-RPC errors
--EXTENSIONS--
matomo_mcp
--FILE--
<?php
$body = '{"jsonrpc":"2.0","id":"abc","method":"initialize"}';
foreach ([['unauthenticated', 'Unable to authenticate with the provided token.'], ['bad_request', 'format=mcp can only be used with method=McpServer.mcp.'],
          ['internal', 'SQLSTATE[42S02]: Base table not found: /var/www/core/Db.php']] as [$kind, $message]) {
    $r = matomo_mcp_exception_response($kind, $message, $body);
    echo $r['status'], ' ', json_encode($r['headers']), ' ', $r['body'], "\n";
}
$r = matomo_mcp_exception_response('bad_request', '', 'not json');
echo $r['status'], ' ', $r['body'], "\n";
// a message that is not UTF-8 (Matomo quoting a request) is read, not a TypeError
$r = matomo_mcp_exception_response('bad_request', "Invalid value \xff\xfe here", $body);
echo $r['status'], ' ', $r['body'], "\n";
var_dump(matomo_mcp_max_body_bytes() === 4 * 1024 * 1024 + 1);
?>
--EXPECT--
401 [["Content-Type","application\/json"],["WWW-Authenticate","Bearer realm=\"mcp\""]] {"jsonrpc":"2.0","id":"abc","error":{"code":-32600,"message":"Authentication required."}}
400 [["Content-Type","application\/json"]] {"jsonrpc":"2.0","id":"abc","error":{"code":-32600,"message":"format=mcp can only be used with method=McpServer.mcp."}}
500 [["Content-Type","application\/json"]] {"jsonrpc":"2.0","id":"abc","error":{"code":-32603,"message":"Internal endpoint error."}}
400 {"jsonrpc":"2.0","id":"","error":{"code":-32600,"message":"Invalid request."}}
400 {"jsonrpc":"2.0","id":"abc","error":{"code":-32600,"message":"Invalid value �� here"}}
bool(true)
