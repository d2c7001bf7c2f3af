using AnprExchange.Cli;

// The `anpr` command: one verb per service or tool; each verb lives in Verbs/ and is listed in AnprCommand.
return await AnprCommand.Create().Parse(args).InvokeAsync();
