// The shipped paper indexed with the real model, once for the whole test run.
[assembly: AssemblyFixture(typeof(PaperBot.Testing.PaperFixture))]
