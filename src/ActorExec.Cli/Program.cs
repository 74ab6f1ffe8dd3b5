Console.Error.WriteLine("actorexec: not implemented yet");
return 2;
