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
