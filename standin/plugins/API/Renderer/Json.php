<?php

declare(strict_types=1);

namespace Piwik\Plugins\API\Renderer;

class Json extends \Piwik\API\ApiRenderer
{
    public function sendHeader()
    {
        \Piwik\Common::sendHeader('Content-Type: application/json; charset=utf-8');
    }

    public function renderSuccess($message)
    {
        return json_encode(['result' => 'success', 'message' => $message]);
    }

    public function renderException($message, $exception)
    {
        return json_encode(['result' => 'error', 'message' => str_replace("\n", ' ', html_entity_decode((string) $message))]);
    }

    public function renderScalar($scalar)
    {
        return json_encode(['value' => $scalar]);
    }

    /** Reports of the plain API (format=json), as Matomo's JSON renderer prints them. */
    public function renderDataTable($dataTable)
    {
        $renderer = new \Piwik\DataTable\Renderer\Json();
        $renderer->setTable($dataTable);
        return $renderer->render();
    }

    public function renderArray($array)
    {
        return json_encode($array, JSON_UNESCAPED_SLASHES);
    }

    public function renderObject($object)
    {
        return $this->renderException('The API cannot handle this data structure.', new \Exception('The API cannot handle this data structure.'));
    }
}
