<?php

declare(strict_types=1);

namespace Piwik\Plugins\API;

use Piwik\API\Request;
use Piwik\Demo\Installation;
use Piwik\Demo\ProcessedReport;
use Piwik\Demo\ReportData;

class API extends \Piwik\Plugin\API
{
    public function getMatomoVersion()
    {
        return \Piwik\Version::VERSION;
    }

    /**
     * The report catalogue of a site: the real one the recordings hold, without subtable reports
     * or metric docs unless asked; a period and date are checked as Matomo checks them.
     */
    public function getReportMetadata($idSites = '', $period = false, $date = false, $hideMetricsDoc = false, $showSubtableReports = false, $idSite = false)
    {
        $idSite = (int) ($idSite ?: $idSites);
        \Piwik\Piwik::checkUserHasViewAccess($idSite);
        if ($period && $date) {
            ReportData::periods($idSite, ['period' => $period, 'date' => $date]);
        }
        $reports = [];
        foreach (Installation::reports($idSite) as $report) {
            $active = $report['module'] === 'API' || \Piwik\Plugin\Manager::getInstance()->isPluginActivated($report['module']);
            if (!$active || !$showSubtableReports && !empty($report['isSubtableReport'])) {
                continue;
            }
            if ($hideMetricsDoc) {
                unset($report['metricsDocumentation']);
            }
            $reports[] = $report;
        }
        return $reports;
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
        $parameters = is_array($apiParameters) ? $apiParameters : [];
        foreach (['idGoal' => $idGoal, 'idDimension' => $idDimension] as $key => $value) {
            if ($value !== false && $value !== '' && $value !== null) {
                $parameters[$key] = $value;
            }
        }
        $report = Installation::report((int) $idSite, (string) $apiModule, (string) $apiAction, $parameters);
        if ($report === null) {
            throw new \Exception("Requested report $apiModule.$apiAction for Website id=$idSite not found in the list of available reports. \n");
        }
        // the outer request's parameters reach the report as in Matomo (flat, filter_limit...)
        $request = ['idSite' => (int) $idSite, 'period' => $period, 'date' => $date, 'segment' => (string) $segment,
            'idSubtable' => $idSubtable, 'showRawMetrics' => $showRawMetrics, 'showTimer' => $showTimer,
            'hideMetricsDoc' => $hideMetricsDoc] + $parameters + $_GET;
        return ProcessedReport::build((int) $idSite, $report, $request);
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
