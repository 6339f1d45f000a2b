<?php

declare(strict_types=1);

namespace Piwik\Plugins\API\Renderer;

/** format=original: PHP values as they are; exceptions are thrown to the caller. */
class Original extends \Piwik\API\ApiRenderer
{
    public function sendHeader()
    {
    }

    public function renderSuccess($message)
    {
        return true;
    }

    public function renderException($message, $exception)
    {
        throw $exception;
    }

    public function renderScalar($scalar)
    {
        return $scalar;
    }

    public function renderDataTable($dataTable)
    {
        return $dataTable;
    }

    public function renderArray($array)
    {
        return $array;
    }

    public function renderObject($object)
    {
        return $object;
    }
}
