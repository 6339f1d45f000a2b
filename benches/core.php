<?php

declare(strict_types=1);

/**
 * Time spent inside the matomo_mcp extension per request, with an in-memory host (no Matomo, no
 * database), next to json_encode of the same answer as a floor. Ratios measured in one run.
 *
 *   php -d extension=target/release/libmatomo_mcp.so benches/core.php [iterations]
 */

require __DIR__ . '/../tests/phpt/host.inc';

$iterations = (int) ($argv[1] ?? 20000);
$sites = json_decode((string) file_get_contents(__DIR__ . '/../standin/fixtures/matomo-5.1.2/02-superuser-SitesManager_getSitesWithAtLeastViewAccess.json'), true)['response'];
$host = new TestHost(function (string $method, array $params) use ($sites) {
    return ['result' => $method === 'SitesManager.getSiteFromId' ? $sites[0] : $sites];
});
$sid = open_session($host);
$facts = facts();
$requests = [
    'ping' => post(['jsonrpc' => '2.0', 'id' => 1, 'method' => 'ping'], $sid),
    'tools/list' => post(['jsonrpc' => '2.0', 'id' => 2, 'method' => 'tools/list'], $sid),
    'tools/call matomo_site_get' => post(['jsonrpc' => '2.0', 'id' => 3, 'method' => 'tools/call',
        'params' => ['name' => 'matomo_site_get', 'arguments' => ['idSite' => 1]]], $sid),
    'tools/call matomo_site_list' => post(['jsonrpc' => '2.0', 'id' => 4, 'method' => 'tools/call',
        'params' => ['name' => 'matomo_site_list', 'arguments' => new stdClass()]], $sid),
];

function median(callable $f, int $n): float
{
    $runs = [];
    for ($r = 0; $r < 5; $r++) {
        $start = hrtime(true);
        for ($i = 0; $i < $n; $i++) {
            $f();
        }
        $runs[] = (hrtime(true) - $start) / $n / 1000;
    }
    sort($runs);
    return $runs[2];
}

printf("%-30s %10s %14s %8s\n", 'request', 'core us', 'json_encode us', 'x floor');
foreach ($requests as $name => $request) {
    $answer = matomo_mcp_handle($request, $facts, $host);
    $decoded = json_decode($answer['body'], true);
    $core = median(fn () => matomo_mcp_handle($request, $facts, $host), $iterations);
    $floor = median(fn () => json_encode($decoded), $iterations);
    printf("%-30s %10.2f %14.2f %8.2f\n", $name, $core, $floor, $core / $floor);
}
