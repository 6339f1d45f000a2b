<?php

declare(strict_types=1);

namespace Piwik;

class Common
{
    public static function prefixTable($table)
    {
        return 'matomo_' . $table;
    }

    /** GET wins over POST, as in Matomo 5.1. Values are trimmed; no sanitizing needed here. */
    public static function getRequestVar($varName, $varDefault = null, $varType = null, $requestArrayToUse = null)
    {
        $request = $requestArrayToUse ?? ($_GET + $_POST);
        if (!isset($request[$varName])) {
            if ($varDefault === null) {
                throw new \Exception("The parameter '$varName' isn't set in the Request, and a default value wasn't provided.");
            }
            return $varDefault;
        }
        $value = $request[$varName];
        if ($varType === 'string' && !is_string($value)) {
            return $varDefault;
        }
        return is_string($value) ? trim($value) : $value;
    }

    public static function sendHeader($header, $replace = true)
    {
        if (PHP_SAPI !== 'cli' && !headers_sent()) {
            header($header, $replace);
        }
    }
}
