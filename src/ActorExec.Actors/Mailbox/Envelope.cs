namespace ActorExec.Actors;

/// <summary>A message together with the actor that sent it (null when sent from outside any actor).</summary>
public readonly record struct Envelope(object Message, IActorRef? Sender);
