<?php

declare(strict_types=1);

namespace Piwik\Settings;

class FieldConfig
{
    public const UI_CONTROL_CHECKBOX = 'checkbox';
    public const UI_CONTROL_SINGLE_SELECT = 'select';
    public const UI_CONTROL_TEXT = 'text';
    public const TYPE_INT = 'integer';
    public const TYPE_FLOAT = 'float';
    public const TYPE_STRING = 'string';
    public const TYPE_BOOL = 'boolean';
    public const TYPE_ARRAY = 'array';

    public $title = '';
    public $uiControl = '';
    public $availableValues;
    public $introduction;
    public $description;
    public $inlineHelp;
    public $condition;
}
