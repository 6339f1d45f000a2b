<?php

declare(strict_types=1);

namespace Piwik\Demo;

use Piwik\Piwik;

/**
 * The report methods of the catalogue (VisitsSummary.get, Actions.getPageUrls...) as plain API
 * methods, answered from the generated visits: the stand-in has no plugin class for each.
 */
final class ReportApi
{
    public static function serves(string $module, string $method): bool
    {
        foreach (Installation::reports(1) as $report) {
            if ($report['module'] === $module && $report['action'] === $method) {
                return true;
            }
        }
        return false;
    }

    /** @return \Piwik\DataTable\DataTableInterface */
    public static function call(string $module, string $method, array $request)
    {
        foreach (['idSite', 'period', 'date'] as $required) {
            if (!isset($request[$required]) || $request[$required] === '') {
                throw new \Exception(sprintf("Please specify a value for '%s'.", $required));
            }
        }
        $idSite = (int) $request['idSite'];
        Piwik::checkUserHasViewAccess($idSite);
        return ReportData::table($idSite, "$module.$method", $request);
    }
}
