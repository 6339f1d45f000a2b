<?php

declare(strict_types=1);

namespace Piwik\Plugins\API;

use Piwik\API\Request;

class API extends \Piwik\Plugin\API
{
    public function getMatomoVersion()
    {
        return \Piwik\Version::VERSION;
    }

    /** The report catalogue of a site (fixtures of sites 1 and 2). */
    public function getReportMetadata($idSites = '', $period = false, $date = false, $hideMetricsDoc = false, $showSubtableReports = false, $idSite = false)
    {
        $idSite = (int) ($idSite ?: $idSites);
        \Piwik\Piwik::checkUserHasViewAccess($idSite);
        $files = [1 => '13-viewer-API_getReportMetadata.json', 2 => '14-viewer-API_getReportMetadata.json'];
        return isset($files[$idSite]) ? \Piwik\Fixtures\Fixtures::response($files[$idSite]) : [];
    }

    public function getProcessedReport(
        $idSite,
        $period,
        $date,
        $apiModule,
        $apiAction,
        $segment = false,
        $apiParameters = false,
        $idGoal = false,
        $language = false,
        $showTimer = true,
        $hideMetricsDoc = false,
        $idSubtable = false,
        $showRawMetrics = false,
        $format_metrics = null,
        $idDimension = false
    ) {
        \Piwik\Piwik::checkUserHasViewAccess($idSite);
        $request = ['idSite' => $idSite, 'period' => $period, 'date' => $date, 'apiModule' => $apiModule, 'apiAction' => $apiAction,
            'segment' => $segment, 'idGoal' => $idGoal, 'idDimension' => $idDimension, 'flat' => $_GET['flat'] ?? false];
        $answer = Reports::find($request);
        if ($answer === null) {
            throw new \Exception("Requested report $apiModule.$apiAction for Website id=$idSite not found in the list of available reports.");
        }
        if (($answer['result'] ?? null) === 'error') {
            throw new \Exception($answer['message']);
        }
        // the fixtures were captured with Matomo's defaults (timer shown, metric docs included)
        if (!$showTimer) {
            unset($answer['timerMillis']);
        }
        if ($hideMetricsDoc) {
            unset($answer['metadata']['metricsDocumentation']);
        }
        return Reports::asOriginal($answer, (int) ($_GET['filter_limit'] ?? -1), (int) ($_GET['filter_offset'] ?? 0));
    }

    /** Runs each URL's query as a nested request with format=json, as Matomo does. */
    public function getBulkRequest($urls)
    {
        $results = [];
        foreach ((array) $urls as $url) {
            parse_str((string) $url, $params);
            $params['format'] = 'json';
            $results[] = json_decode((string) (new Request($params + $_GET + $_POST))->process(), true);
        }
        return $results;
    }
}
