--TEST--
memory_limit counts Rust too: an answer that would not fit is refused with advice; a PHP fatal error inside a callback strands no Rust memory
--EXTENSIONS--
matomo_mcp
--INI--
memory_limit=64M
--FILE--
<?php
require __DIR__ . '/host.inc';

// 36 MB of site names: PHP holds them within its 64 MB, reading them too would pass the limit
$big = new TestHost(function (string $method, array $params) {
    return ['result' => array_map(fn ($i) => ['idsite' => $i, 'name' => str_repeat((string) $i, 12 << 20)], [1, 2, 3])];
});
$answer = call_tool($big, open_session($big), 'matomo_site_list')['result'];
echo $answer['isError'] ? 'refused: ' : 'read: ', $answer['content'][0]['text'], "\n";
unset($big, $answer);

// a callback that dies of memory_limit, while the core holds a 1 MB request
$dies = new TestHost(function () {
    return ['result' => str_repeat('x', 200 << 20)];
});
$sid = open_session($dies);
// what lives for the whole process (the tool registry) is built by a first, complete call
$warm = new TestHost();
call_tool($warm, open_session($warm), 'matomo_site_list');
$before = matomo_mcp_heap_bytes();
register_shutdown_function(function () use ($before) {
    $stranded = matomo_mcp_heap_bytes() - $before;
    echo "\nRust heap after the fatal error: ", $stranded < 65536 ? 'as before' : "$stranded bytes stranded", "\n";
});
matomo_mcp_handle(post(['jsonrpc' => '2.0', 'id' => 9, 'method' => 'tools/call', 'params' => [
    'name' => 'matomo_site_list', 'arguments' => new stdClass(), '_meta' => ['padding' => str_repeat('p', 1 << 20)],
]], $sid), facts(), $dies);
echo "not reached\n";
?>
--EXPECTF--
refused: Matomo's answer is larger than this server's PHP memory_limit allows: ask for fewer rows (filter_limit), fewer columns or a shorter period, or ask the administrator to raise memory_limit.

Fatal error: Allowed memory size of 67108864 bytes exhausted%s

Rust heap after the fatal error: as before
