<?php

declare(strict_types=1);

namespace Piwik\API;

use Piwik\Plugin\Manager;

abstract class ApiRenderer
{
    /** @var array<string, mixed> */
    protected $request;

    final public function __construct($request)
    {
        $this->request = $request;
        $this->init();
    }

    protected function init()
    {
    }

    abstract public function sendHeader();

    public function renderSuccess($message)
    {
        return 'Success:' . $message;
    }

    public function renderException($message, $exception)
    {
        return $message;
    }

    public function renderScalar($scalar)
    {
        return (string) $scalar;
    }

    public function renderDataTable($dataTable)
    {
        throw new \Exception('The API cannot handle this data structure.');
    }

    public function renderArray($array)
    {
        throw new \Exception('The API cannot handle this data structure.');
    }

    public function renderObject($object)
    {
        return $this->renderException('The API cannot handle this data structure.', new \Exception('The API cannot handle this data structure.'));
    }

    public function renderResource($resource)
    {
        return $this->renderObject($resource);
    }

    /** `Renderer/<Format>.php` of an activated plugin, as Matomo looks renderers up. */
    public static function factory($format, $request)
    {
        $suffix = '\\' . ucfirst(strtolower((string) $format));
        foreach (Manager::getInstance()->findRendererClasses() as $class) {
            if (substr($class, -strlen($suffix)) === $suffix && class_exists($class)) {
                return new $class($request);
            }
        }
        header('Content-Type: text/plain; charset=utf-8');
        throw new \Exception("Renderer format '$format' not valid. Try any of the following instead: json, original, mcp.");
    }
}
