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

    /**
     * Values as Matomo's database layer hands them to PHP code: every scalar a string (the JSON
     * API output in the fixtures has already been type-converted).
     *
     * @param array<string, mixed> $row
     * @return array<string, mixed>
     */
    public static function asDatabaseRow(array $row): array
    {
        return array_map(static function ($v) {
            return is_int($v) || is_float($v) ? (string) $v : $v;
        }, $row);
    }
}
