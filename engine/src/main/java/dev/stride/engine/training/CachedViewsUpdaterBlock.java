package dev.stride.engine.training;

import java.util.List;
import java.util.ListIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * DL4J's updater block with its regularization step made cheap. Before and after every update DL4J's block makes two
 * new views (a parameter's and its gradient's, cut from the whole network's arrays) for every parameter it holds,
 * whether or not the parameter is regularized: ≈ 3 % of a StridedNet step, all of it for LeNet's unregularized
 * parameters. This block skips parameters without regularization and makes the views once, again only when the
 * network's arrays change. Same formula, same order; the block's state (updater, views) is carried over unchanged.
 */
final class CachedViewsUpdaterBlock extends UpdaterBlock {
    private INDArray viewsOfGradients;
    private INDArray viewsOfParams;
    /** Per parameter of the block: its parameter and gradient views, cut when first needed. */
    private INDArray[][] views;

    private CachedViewsUpdaterBlock(UpdaterBlock block) {
        super(block.getParamOffsetStart(), block.getParamOffsetEnd(), block.getUpdaterViewOffsetStart(),
                block.getUpdaterViewOffsetEnd(), block.getLayersAndVariablesInBlock());
        setUpdaterView(block.getUpdaterView());
        setGradientView(block.getGradientView());
        setUpdaterViewRequiresInitialization(block.isUpdaterViewRequiresInitialization());
        setGradientUpdater(block.getGradientUpdater());
    }

    /** Puts one in place of each of DL4J's own blocks in the network's updater (idempotent). */
    static void install(ComputationGraph graph) {
        ListIterator<UpdaterBlock> blocks = graph.getUpdater().getUpdaterBlocks().listIterator();
        while (blocks.hasNext()) {
            UpdaterBlock block = blocks.next();
            if (block.getClass() == UpdaterBlock.class) {
                blocks.set(new CachedViewsUpdaterBlock(block));
            }
        }
    }

    @Override
    protected void applyRegularizationAllVariables(Regularization.ApplyStep step, int iteration, int epoch,
            boolean externalGradient, INDArray networkGradients, INDArray networkParams) {
        List<ParamState> states = getLayersAndVariablesInBlock();
        double learningRate = getGradientUpdater().getConfig().hasLearningRate()
                ? getGradientUpdater().getConfig().getLearningRate(iteration, epoch) : 1.0;
        for (int i = 0; i < states.size(); i++) {
            ParamState state = states.get(i);
            List<Regularization> regularizations = state.getLayer().getConfig()
                    .getRegularizationByParam(state.getParamName());
            if (regularizations == null || regularizations.stream().noneMatch(r -> r.applyStep() == step)) {
                continue;
            }
            INDArray[] paramAndGradient = externalGradient
                    ? externalViews(i, networkGradients, networkParams)
                    : new INDArray[] {state.getParamView(), state.getGradView()};
            for (Regularization regularization : regularizations) {
                if (regularization.applyStep() == step) {
                    regularization.apply(paramAndGradient[0], paramAndGradient[1], learningRate, iteration, epoch);
                }
            }
        }
    }

    /** The views DL4J's block cuts from the network's arrays for parameter {@code index}, made once per array pair. */
    private INDArray[] externalViews(int index, INDArray networkGradients, INDArray networkParams) {
        if (views == null || networkGradients != viewsOfGradients || networkParams != viewsOfParams) {
            views = new INDArray[getLayersAndVariablesInBlock().size()][];
            viewsOfGradients = networkGradients;
            viewsOfParams = networkParams;
        }
        if (views[index] == null) {
            ParamState state = getLayersAndVariablesInBlock().get(index);
            var interval = NDArrayIndex.interval(state.getParamOffsetStart(), state.getParamOffsetEnd());
            views[index] = new INDArray[] {
                networkParams.reshape(networkParams.length()).get(interval),
                networkGradients.reshape(networkGradients.length()).get(interval)};
        }
        return views[index];
    }
}
