<?php

declare(strict_types=1);

/**
 * A 100,000-row report: peak memory and time of the endpoint next to Matomo's own format=json
 * export of the same report, each in a process of its own (the extension's memory is outside
 * PHP's memory_limit, so the process's peak resident size is compared).
 *
 *   php -d extension=target/release/libmatomo_mcp.so benches/huge_report.php export|endpoint [rows]
 *
 * Both start from the same PHP array of rows, standing for the DataTable Matomo builds from its
 * archive. `export` renders all of it with json_encode, as format=json does. `endpoint` answers
 * matomo_report_processed through the extension with the in-memory bridge of the phpt suite,
 * which hands over what Matomo's Limit filter leaves of the table (the tool asks for one page).
 * Prints one JSON line: {"mode", "rows", "seconds", "peak_rss_kb", "answer_bytes"}.
 */

require __DIR__ . '/../tests/phpt/host.inc';

$mode = $argv[1] ?? 'endpoint';
$count = (int) ($argv[2] ?? 100000);

$start = hrtime(true);
$rows = [];
for ($i = 0; $i < $count; $i++) {
    $rows[] = ['label' => sprintf('/blog/%06d-a-page-title-long-enough-to-look-real', $i), 'nb_hits' => 100000 - $i,
        'nb_visits' => intdiv(100000 - $i, 2), 'avg_time_on_page' => '00:01:0' . ($i % 10), 'bounce_rate' => ($i % 100) . '%',
        'exit_rate' => (($i * 7) % 100) . '%'];
}
$meta = array_map(static function (array $r): array {
    return ['url' => 'https://example.org' . $r['label'], 'segment' => 'pageUrl==' . rawurlencode($r['label'])];
}, $rows);

if ($mode === 'export') {
    $bytes = strlen((string) json_encode($rows));
} else {
    $host = new TestHost(function (string $method, array $params) use ($rows, $meta) {
        if ($method === 'SitesManager.getSiteFromId') {
            return ['result' => ['idsite' => 1, 'timezone' => 'UTC']];
        }
        $limit = (int) ($params['filter_limit'] ?? -1);
        $offset = (int) ($params['filter_offset'] ?? 0);
        $page = array_slice($rows, $offset, $limit < 0 ? null : $limit);
        $pageMeta = array_slice($meta, $offset, $limit < 0 ? null : $limit);
        return ['result' => [
            'website' => 'Example', 'prettyDate' => '2026',
            'metadata' => ['uniqueId' => 'Actions_getPageTitles', 'name' => 'Page titles', 'category' => 'Actions',
                'module' => 'Actions', 'action' => 'getPageTitles', 'dimension' => 'Page Name'],
            'columns' => ['label' => 'Page Name', 'nb_hits' => 'Pageviews', 'nb_visits' => 'Unique Pageviews',
                'avg_time_on_page' => 'Avg. time on page', 'bounce_rate' => 'Bounce Rate', 'exit_rate' => 'Exit rate'],
            'reportData' => ['@matomo_json' => json_encode($page), '@total_rows' => null],
            'reportMetadata' => ['@matomo_json' => json_encode($pageMeta), '@total_rows' => null],
            'reportTotal' => ['nb_hits' => 1],
        ]];
    });
    $session = open_session($host);
    $answer = call_tool($host, $session, 'matomo_report_processed', ['idSite' => 1, 'period' => 'year', 'date' => 'today',
        'reportUniqueId' => 'Actions_getPageTitles', 'filter_limit' => 250]);
    if (!empty($answer['result']['isError']) || !isset($answer['result']['structuredContent'])) {
        fwrite(STDERR, json_encode($answer) . "\n");
        exit(1);
    }
    $bytes = strlen((string) json_encode($answer));
}
echo json_encode(['mode' => $mode, 'rows' => $count, 'seconds' => round((hrtime(true) - $start) / 1e9, 3),
    'peak_rss_kb' => getrusage()['ru_maxrss'], 'answer_bytes' => $bytes]), "\n";
