--TEST--
DataTable objects anywhere in a result are rendered by the bridge's renderDataTable, once each, as it walks the result; the version check is the extension's
--EXTENSIONS--
matomo_mcp
--FILE--
<?php
namespace Piwik\DataTable {
    interface DataTableInterface
    {
    }
}

namespace {
require __DIR__ . '/host.inc';

/** A report as Matomo hands it over: an object, rendered only by Matomo's JSON renderer. */
final class RecordedTable implements Piwik\DataTable\DataTableInterface
{
    public $publicLooking = 'never read: a table is rendered, not converted by its properties';

    public function __construct(public array $rendered)
    {
    }
}

/** The recorded Matomo, with each rendered table handed over as the object it was. */
final class ObjectHost extends TestHost
{
    public int $renders = 0;

    public function __construct(public bool $brokenRenderer = false)
    {
        parent::__construct(function (string $method, array $params) {
            $answer = Recording::callApi('viewer', $method, $params);
            return $answer === null ? ['error' => 'internal', 'message' => 'not recorded'] : self::asObjects($answer);
        });
    }

    private static function asObjects($value)
    {
        if (is_array($value) && isset($value['@matomo_json'])) {
            return new RecordedTable($value);
        }
        return is_array($value) ? array_map([self::class, 'asObjects'], $value) : $value;
    }

    public function renderDataTable(Piwik\DataTable\DataTableInterface $table): array
    {
        $this->renders++;
        if ($this->brokenRenderer) {
            throw new RuntimeException('renderer down');
        }
        return $table->rendered;
    }
}

$report = ['idSite' => 1, 'period' => 'month', 'date' => 'today', 'reportUniqueId' => 'Actions_getPageUrls', 'filter_limit' => 99, 'max_bytes' => 200000];
$arrays = new TestHost();
$expected = call_tool($arrays, open_session($arrays), 'matomo_report_processed', $report)['result']['structuredContent'];

$objects = new ObjectHost();
$got = call_tool($objects, open_session($objects), 'matomo_report_processed', $report)['result']['structuredContent'];
var_dump($got === $expected, count($got['report']['rows']), $objects->renders);

$broken = new ObjectHost(true);
$failed = call_tool($broken, open_session($broken), 'matomo_report_processed', $report)['result'];
echo $failed['content'][0]['text'], "\n";
echo count(array_filter($broken->logs, fn ($l) => str_contains($l, 'renderDataTable() threw RuntimeException: renderer down'))), " log line\n";

var_dump(matomo_mcp_version_problem(matomo_mcp_version()));
var_dump(matomo_mcp_version_problem(preg_replace('/\.\d+$/', '.99', matomo_mcp_version())));
echo matomo_mcp_version_problem('9.4.0'), "\n";
}
?>
--EXPECTF--
bool(true)
int(9)
int(2)
%s
1 log line
NULL
NULL
The McpServer plugin 9.4.0 does not match the matomo_mcp extension %s (built for plugin %s). Install matching versions and reload PHP-FPM/Apache.
