return Bellwether.Cli.Cli.Run(args);
