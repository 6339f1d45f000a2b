<?php

declare(strict_types=1);

namespace Piwik\Fixtures;

/** Real Matomo 5.1.2 answers (fixtures/matomo-5.1.2), by file name. */
final class Fixtures
{
    /** @return mixed the decoded `response` of the captured call */
    public static function response(string $file)
    {
        $path = STANDIN_ROOT . '/fixtures/matomo-5.1.2/' . $file;
        $data = json_decode((string) file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);
        return $data['response'];
    }
}
