--TEST--
a fatal error (bailout) inside a callback ends the request as PHP would, without a crash and without stranding Rust memory
--EXTENSIONS--
matomo_mcp
--FILE--
<?php
require __DIR__ . '/host.inc';

$dies = new TestHost(function () {
    trigger_error('the bridge gave up', E_USER_ERROR);
    return ['result' => []];
});
$sid = open_session($dies);
// what lives for the whole process (the tool registry) is built by a first, complete call
$warm = new TestHost();
call_tool($warm, open_session($warm), 'matomo_site_list');
$before = matomo_mcp_heap_bytes();
register_shutdown_function(function () use ($before, $dies) {
    $stranded = matomo_mcp_heap_bytes() - $before;
    echo "\nRust heap after the fatal error: ", $stranded < 65536 ? 'as before' : "$stranded bytes stranded", "\n";
    echo "log lines written after it: ", count($dies->logs), "\n";
});
matomo_mcp_handle(post(['jsonrpc' => '2.0', 'id' => 9, 'method' => 'tools/call', 'params' => [
    'name' => 'matomo_site_list', 'arguments' => new stdClass(), '_meta' => ['padding' => str_repeat('p', 1 << 20)],
]], $sid), facts(), $dies);
echo "not reached\n";
?>
--EXPECTF--
Fatal error: the bridge gave up in %s on line %d

Rust heap after the fatal error: as before
log lines written after it: 0
