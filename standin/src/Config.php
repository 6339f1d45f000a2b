<?php

declare(strict_types=1);

namespace Piwik;

/** config/config.ini.php of the stand-in's data directory; sections read as arrays. */
class Config
{
    /** @var self|null */
    private static $instance;
    /** @var array<string, array<string, mixed>> */
    private $sections;

    public static function getInstance(): self
    {
        return self::$instance ??= new self();
    }

    public static function path(): string
    {
        return STANDIN_DATA . '/config.ini.php';
    }

    private function __construct()
    {
        $parsed = is_file(self::path()) ? parse_ini_file(self::path(), true, INI_SCANNER_RAW) : [];
        $this->sections = is_array($parsed) ? $parsed : [];
    }

    /** A missing section is an empty array, as in Matomo. */
    public function &__get($name)
    {
        if (!isset($this->sections[$name])) {
            $this->sections[$name] = [];
        }
        return $this->sections[$name];
    }

    public function __set($name, $value)
    {
        $this->sections[$name] = $value;
    }

    public function forceSave(): void
    {
        $out = "; <?php exit; ?> DO NOT REMOVE THIS LINE\n";
        foreach ($this->sections as $name => $values) {
            $out .= "\n[$name]\n";
            foreach ($values as $key => $value) {
                foreach (is_array($value) ? $value : [null => $value] as $v) {
                    $out .= $key . (is_array($value) ? '[]' : '') . ' = "' . addcslashes((string) $v, '"\\') . "\"\n";
                }
            }
        }
        file_put_contents(self::path(), $out);
    }
}
