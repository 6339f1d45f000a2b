<?php

declare(strict_types=1);

/**
 * Matomo API calls and bytes crossing the bridge per tool call, for every tool: the plugin's own
 * MatomoHost over the stand-in (the demo's data), counted at the bridge.
 *
 *   MCP_STANDIN_DATA=DIR php -d extension=target/release/libmatomo_mcp.so benches/bridge_calls.php
 *
 * DIR is a stand-in data directory set up by `console.php setup --enable`.
 */

require __DIR__ . '/../standin/bootstrap.php';
require __DIR__ . '/../tests/phpt/host.inc';

use Piwik\Plugins\McpServer\Bridge\MatomoHost;

final class CountingHost extends MatomoHost
{
    /** @var list<array{string, int}> */
    public $calls = [];

    public function callApi(string $method, array $params): array
    {
        $answer = parent::callApi($method, $params);
        $this->calls[] = [$method, strlen((string) json_encode($answer))];
        return $answer;
    }
}

\Piwik\Plugin\Manager::getInstance()->loadActivatedPlugins();
\Piwik\Access::getInstance()->authenticateWithToken('5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e');
$host = new CountingHost();
$facts = facts(['user' => ['login' => 'superuser', 'highest_access' => 'superuser'],
    'settings' => ['raw_api_access_scope' => 'full'], 'plugin_version' => \matomo_mcp_version()]);
$open = matomo_mcp_handle(post(['jsonrpc' => '2.0', 'id' => 1, 'method' => 'initialize', 'params' => [
    'protocolVersion' => '2025-11-25', 'capabilities' => new stdClass(), 'clientInfo' => ['name' => 'bench', 'version' => '1']]]),
    $facts, $host);
$session = (string) header_of($open, 'Mcp-Session-Id');

$calls = [
    'matomo_site_list' => [],
    'matomo_site_search' => ['search' => 'shop'],
    'matomo_site_get' => ['idSite' => 1],
    'matomo_goal_list' => ['idSite' => 1],
    'matomo_goal_get' => ['idSite' => 1, 'idGoal' => 1],
    'matomo_segment_list' => ['idSite' => 1],
    'matomo_segment_get' => ['idSite' => 1, 'idSegment' => 1],
    'matomo_dimension_list' => ['idSite' => 1],
    'matomo_dimension_get' => ['idSite' => 1, 'idDimension' => 1],
    'matomo_report_list' => ['idSite' => 1, 'search' => 'pages'],
    'matomo_report_metadata' => ['idSite' => 1, 'reportUniqueId' => 'Actions_getPageUrls'],
    'matomo_report_processed' => ['idSite' => 1, 'period' => 'week', 'date' => 'today', 'reportUniqueId' => 'Actions_getPageUrls'],
    'matomo_api_list' => ['module' => 'SitesManager'],
    'matomo_api_get' => ['method' => 'SitesManager.getSiteFromId'],
    'matomo_api_call_read' => ['method' => 'SitesManager.getSiteFromId', 'parameters' => ['idSite' => 1]],
];
printf("%-26s %-62s %12s\n", 'tool', 'Matomo API calls', 'bridge bytes');
$processed = [];
foreach ($calls as $tool => $arguments) {
    $host->calls = [];
    $answer = matomo_mcp_handle(post(['jsonrpc' => '2.0', 'id' => 2, 'method' => 'tools/call',
        'params' => ['name' => $tool, 'arguments' => (object) $arguments]], $session), $facts, $host);
    $result = json_decode($answer['body'], true)['result'] ?? null;
    $ok = is_array($result) && empty($result['isError']);
    // the raw API tools read the API catalogue through apiCatalog(), not an API call
    $methods = implode(', ', array_column($host->calls, 0)) ?: '(apiCatalog only)';
    printf("%-26s %-62s %12d%s\n", $tool, $methods, array_sum(array_column($host->calls, 1)), $ok ? '' : '  (error)');
    if ($tool === 'matomo_report_processed') {
        $processed = array_column($host->calls, 0);
    }
}
$reports = count(array_keys($processed, 'API.getProcessedReport', true));
$catalogue = count(array_keys($processed, 'API.getReportMetadata', true));
printf("matomo_report_processed: %d API.getProcessedReport (target 1), %d API.getReportMetadata (target 0)\n", $reports, $catalogue);
